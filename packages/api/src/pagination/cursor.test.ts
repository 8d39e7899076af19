import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { type CursorPayload, decodeCursor, encodeCursor } from './cursor';

const key = new Uint8Array(32).fill(7);
const payload = fc.record({
  s: fc.constantFrom('createdAt', 'title', 'dueDate'),
  o: fc.constantFrom('asc' as const, 'desc' as const),
  v: fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.constant(null)),
  i: fc.oneof(fc.integer({ min: 1 }), fc.uuid()),
}) satisfies fc.Arbitrary<CursorPayload>;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.appCode : 'not-an-app-error';
  }
  return undefined;
}

describe('cursor', () => {
  it('decodes what it encodes for the same sort and order', () => {
    fc.assert(
      fc.property(payload, (p) => {
        expect(decodeCursor(encodeCursor(p, key), key, { sort: p.s, order: p.o })).toEqual(p);
      }),
    );
  });

  it('refuses any single-character change as INVALID_CURSOR', () => {
    fc.assert(
      fc.property(payload, fc.nat(), fc.constantFrom('A', 'z', '0', '-', '.', '_'), (p, at, ch) => {
        const cursor = encodeCursor(p, key);
        const i = at % cursor.length;
        fc.pre(cursor[i] !== ch);
        const tampered = cursor.slice(0, i) + ch + cursor.slice(i + 1);
        expect(codeOf(() => decodeCursor(tampered, key, { sort: p.s, order: p.o }))).toBe('INVALID_CURSOR');
      }),
      // Enough runs to hit the signature's last character, whose padding bits once let a change through.
      { numRuns: 2000 },
    );
  });

  it('refuses a cursor signed with another key', () => {
    const cursor = encodeCursor({ s: 'title', o: 'asc', v: 'a', i: 1 }, new Uint8Array(32));
    expect(codeOf(() => decodeCursor(cursor, key, { sort: 'title', order: 'asc' }))).toBe('INVALID_CURSOR');
  });

  it('refuses a cursor made for another sort or order', () => {
    const cursor = encodeCursor({ s: 'title', o: 'asc', v: 'a', i: 1 }, key);
    expect(codeOf(() => decodeCursor(cursor, key, { sort: 'createdAt', order: 'asc' }))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodeCursor(cursor, key, { sort: 'title', order: 'desc' }))).toBe('INVALID_CURSOR');
  });

  it('refuses garbage with the field named', () => {
    for (const garbage of ['', '.', 'abc', 'a.b.c', '%%%.###']) {
      try {
        decodeCursor(garbage, key, { sort: 'title', order: 'asc' });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).appCode).toBe('INVALID_CURSOR');
        expect((error as AppError).field).toBe('cursor');
      }
    }
  });
});
