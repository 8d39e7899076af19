import fc from 'fast-check';
import superjson from 'superjson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serializeOutput, stringifyOutput, transformer } from './transformer';

const forbidden = new Set(['__proto__', 'constructor', 'prototype']);
const key = fc
  .oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('a.b', 'a\\b', '\\.', '.', '\\', 'x..y', '0', 'items'),
  )
  .filter((k) => !forbidden.has(k));

/** Everything a response can hold, and the values that need superjson's general path. */
const leaf = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.constant(null)) },
  { weight: 4, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 2, arbitrary: fc.double() }, // NaN, ±Infinity, -0 included
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.constantFrom(new Map([[1, 'a']]), new Set(['b']), /re/g) },
  { weight: 1, arbitrary: fc.constant(new URL('https://example.com/x')) },
);

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('tree'), { maxLength: 5 }),
    fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
  ),
}));

const sameAsSuperjson = (value: unknown) => {
  const fast = serializeOutput(value);
  const reference = superjson.serialize(value);
  // Same JSON text: same values, same annotation paths, same key order.
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
  // The text written without the annotations' object is that same text.
  expect(stringifyOutput(value)).toBe(JSON.stringify(reference));
  expect(superjson.deserialize(fast as never)).toEqual(superjson.deserialize(reference));
};

describe('serializeOutput and stringifyOutput', () => {
  afterEach(() => vi.restoreAllMocks());

  it('emits exactly what superjson.serialize emits, for any value', () => {
    fc.assert(fc.property(tree, sameAsSuperjson), { numRuns: 2000 });
  });

  it('matches superjson on objects reached twice and on root-level special values', () => {
    const shared = { id: 1 };
    const when = new Date('2026-01-02T03:04:05.678Z');
    for (const value of [
      { a: shared, b: shared },
      { createdAt: when, updatedAt: when },
      [when, when],
      when,
      undefined,
      Number.NaN,
      -0,
      'text',
      null,
      { 'a.b': { 'c\\d': new Date(0) } },
      Object.assign(Object.create(null) as object, { at: new Date(1) }),
    ]) {
      sameAsSuperjson(value);
    }
  });

  it('refuses prototype-polluting keys exactly as superjson does', () => {
    const polluted = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    expect(() => serializeOutput(polluted)).toThrow(/prototype pollution/);
  });

  it('handles a page of tasks without falling back to superjson', () => {
    const serialize = vi.spyOn(superjson, 'serialize');
    const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));
    const page = {
      items: [1, 2].map((id) => ({
        id,
        title: `Task ${id}`,
        description: null,
        dueDate: id === 1 ? at(id) : null,
        createdAt: at(id + 10),
        tags: [{ id, name: 'home', color: null, createdAt: at(id + 20) }],
      })),
      nextCursor: null,
    };
    expect(serializeOutput(page)).toEqual({
      json: {
        items: [
          {
            id: 1,
            title: 'Task 1',
            description: null,
            dueDate: '2026-01-01T00:01:00.000Z',
            createdAt: '2026-01-01T00:11:00.000Z',
            tags: [{ id: 1, name: 'home', color: null, createdAt: '2026-01-01T00:21:00.000Z' }],
          },
          {
            id: 2,
            title: 'Task 2',
            description: null,
            dueDate: null,
            createdAt: '2026-01-01T00:12:00.000Z',
            tags: [{ id: 2, name: 'home', color: null, createdAt: '2026-01-01T00:22:00.000Z' }],
          },
        ],
        nextCursor: null,
      },
      meta: {
        values: {
          'items.0.dueDate': ['Date'],
          'items.0.createdAt': ['Date'],
          'items.0.tags.0.createdAt': ['Date'],
          'items.1.createdAt': ['Date'],
          'items.1.tags.0.createdAt': ['Date'],
        },
        v: 1,
      },
    });
    expect(serialize).not.toHaveBeenCalled();
  });

  it('is the transformer for outputs; inputs are superjson behind the input guard', () => {
    const input = { at: new Date(5), none: undefined };
    expect(transformer.input.deserialize(superjson.serialize(input))).toEqual(input);
    const serialize = vi.spyOn(superjson, 'serialize');
    const wire = transformer.output.serialize({ at: new Date(5) }) as unknown;
    expect(serialize).not.toHaveBeenCalled();
    expect(wire).toEqual({
      json: { at: new Date(5).toISOString() },
      meta: { values: { at: ['Date'] }, v: 1 },
    });
    expect(transformer.output.deserialize(wire)).toEqual({ at: new Date(5) });
  });
});
