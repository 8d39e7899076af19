import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { transformer } from './transformer';

const deserialize = (data: unknown): unknown => transformer.input.deserialize(data) as unknown;

function refusal(data: unknown) {
  try {
    deserialize(data);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const { appCode, field, message } = error as AppError;
    return { appCode, field, message };
  }
  throw new Error('accepted');
}

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('tRPC input guard', () => {
  it('passes what a client serializes from JSON, Dates and undefined, unchanged', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ min: new Date('1900-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', maxDepth: 6 },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(
          fc.string().filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)),
          tie('node'),
          { maxKeys: 4 },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(deserialize(superjson.serialize(v))).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });

  it('passes one Date sent at two places (superjson marks it a shared reference)', () => {
    const d = new Date('2026-12-01T00:00:00.000Z');
    expect(deserialize(superjson.serialize({ dueAfter: d, dueBefore: d }))).toEqual({
      dueAfter: d,
      dueBefore: d,
    });
  });

  it('refuses types no procedure takes, naming the path', () => {
    expect(
      refusal({ json: { x: '1'.repeat(1000) }, meta: { values: { x: ['bigint'] }, v: 1 } }),
    ).toEqual({
      appCode: 'VALIDATION_ERROR',
      field: 'x',
      message: 'Only Date and undefined values are accepted in input',
    });
    for (const type of [
      'set',
      'map',
      'regexp',
      'Error',
      'URL',
      ['class', 'X'],
      ['custom', 'y'],
      ['symbol', 's'],
    ]) {
      expect(
        refusal({ json: { x: [] }, meta: { values: { x: Array.isArray(type) ? [type] : [type] } } })
          .appCode,
      ).toBe('VALIDATION_ERROR');
    }
  });

  it('refuses an annotation tree instead of walking it', () => {
    const tree = { x: ['map', { '0': ['map', { '0': ['map', {}] }] }] };
    expect(refusal({ json: { x: [] }, meta: { values: tree } }).field).toBe('x');
  });

  it(`refuses nesting deeper than 32 levels before superjson walks it`, () => {
    expect(deserialize({ json: nested(31) })).toEqual(nested(31));
    expect(refusal({ json: nested(33) }).message).toBe('Input is nested deeper than 32 levels');
    const started = performance.now();
    expect(refusal({ json: nested(400_000) }).appCode).toBe('VALIDATION_ERROR');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s at any depth', (key) => {
    const data = JSON.parse(`{"json":{"metadata":{"a":{"${key}":{"x":1}}}}}`) as unknown;
    expect(refusal(data)).toEqual({
      appCode: 'VALIDATION_ERROR',
      field: 'metadata.a',
      message: `The key "${key}" is not allowed in input`,
    });
  });

  it('refuses shared references that would make a cycle, directly or through a chain', () => {
    expect(
      refusal({ json: { a: { b: 1 } }, meta: { referentialEqualities: { a: ['a.b'] } } }).message,
    ).toBe('Cyclic references are not accepted in input');
    const chain = {
      json: { x: { w: 1 }, y: { z: 1 } },
      meta: { referentialEqualities: { x: ['y.z'], y: ['x.w'] } },
    };
    expect(refusal(chain).appCode).toBe('VALIDATION_ERROR');
  });

  it('refuses references that multiply a small body past the node budget', () => {
    // 20 levels of { l: X, r: X }: 2^20 nodes from a body of 20 objects.
    const json: Record<string, unknown> = {};
    const references: Record<string, string[]> = {};
    let path = 'n';
    let node = json;
    for (let i = 0; i < 20; i++) {
      const child = { l: {}, r: {} };
      node.n = child;
      references[`${path}.l`] = [`${path}.r`];
      node = child.l;
      path = `${path}.l.n`;
    }
    expect(refusal({ json, meta: { referentialEqualities: references } }).appCode).toBe(
      'VALIDATION_ERROR',
    );
  });

  it('refuses malformed meta and other versions', () => {
    expect(refusal({ json: 1, meta: 'x' }).message).toBe('Malformed superjson meta');
    expect(refusal({ json: 1, meta: { values: ['Date'], v: 2 } }).message).toBe(
      'Unsupported superjson version',
    );
    expect(refusal({ json: 1, meta: { extra: true } }).message).toBe('Malformed superjson meta');
  });
});
