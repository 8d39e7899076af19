// Every task and tag and asset procedure, fed inputs from around its schema (the right field names
// with hostile values, mixed with valid ones): each call either succeeds or fails with a 4xx and an
// appCode, never INTERNAL. The values are the ones that once found 500s over HTTP.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase } from '@repo/db/testing';
import { type Caller, createTestApi } from '../testing/caller';
import { errorOf } from '../testing/error-shape';

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '%',
    '_',
    '\\',
    '\'; DROP TABLE "Task";--',
    'İ'.repeat(30),
  ),
  fc.string({ minLength: 190, maxLength: 260 }),
  fc.constantFrom(
    'x'.repeat(10_001),
    '#ff00ff',
    '#GGGGGG',
    'USD',
    'usd',
    'XXX',
    'https://img.test/a.png',
    'http://x',
  ),
  fc.constantFrom(
    'FREQ=DAILY',
    'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=WEEKLY;BYDAY=XX',
  ),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -1,
    2_147_483_648,
    Number.MAX_SAFE_INTEGER,
    1e21,
    NaN,
    Infinity,
    -0,
    1_000_000_000_001,
  ),
);
const hostileDate = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date(NaN),
    new Date('1899-12-31T23:59:59Z'),
  ),
  fc.constantFrom(
    '2026-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '2026-02-30T00:00:00Z',
    'yesterday',
  ),
);
const hostileObject = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"admin":true}}'),
  JSON.parse('{"constructor":{"prototype":1}}'),
  { a: { b: { c: ['\u0000'] } } },
  { big: 'x'.repeat(20_000) },
  [],
  {},
);
const leaf = fc.oneof(
  hostileString,
  hostileNumber,
  hostileDate,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  hostileObject,
);
const value = fc.oneof(
  leaf,
  fc.array(leaf, { maxLength: 25 }),
  fc.dictionary(hostileString, leaf, { maxKeys: 4 }),
);

type Procedure = (input: never) => Promise<unknown>;

describe('hostile input through every procedure', () => {
  let db: TestDatabase;
  let caller: Caller;
  let ids: { task: number; tag: number; asset: string };
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    ({ caller } = await createTestApi(db).newUser('fuzz'));
    const tag = await caller.tag.create({ name: 'fuzz' });
    const task = await caller.task.create({ title: 'fuzz', tagIds: [tag.id] });
    const asset = await caller.asset.create({ name: 'fuzz' });
    ids = { task: task.id, tag: tag.id, asset: asset.id };
  });
  afterAll(() => db?.close());

  const taskFields = ['title', 'description', 'priority', 'dueDate', 'recurrenceRule', 'tagIds'];
  const assetFields = [
    'name',
    'description',
    'category',
    'condition',
    'acquiredAt',
    'purchasePriceCents',
    'estimatedValueCents',
    'currency',
    'imageUrls',
    'tags',
    'metadata',
  ];
  /** Each procedure: a valid input, and the fields to replace in it one or two at a time. */
  const neighbourhoods = (c: Caller): Record<string, [Procedure, () => object, string[]]> => ({
    'task.list': [
      c.task.list,
      () => ({}),
      [
        'status',
        'priority',
        'tagIds',
        'dueBefore',
        'dueAfter',
        'q',
        'sort',
        'order',
        'limit',
        'cursor',
      ],
    ],
    'task.byId': [c.task.byId, () => ({ id: ids.task }), ['id']],
    'task.create': [c.task.create, () => ({ title: 't' }), taskFields],
    'task.update': [
      c.task.update,
      () => ({ id: ids.task }),
      ['id', 'completed', 'expectedUpdatedAt', ...taskFields],
    ],
    'task.toggleComplete': [c.task.toggleComplete, () => ({ id: ids.task }), ['id']],
    'tag.create': [c.tag.create, () => ({ name: `t${Math.random()}` }), ['name', 'color']],
    'tag.update': [c.tag.update, () => ({ id: ids.tag }), ['id', 'name', 'color']],
    'asset.list': [
      c.asset.list,
      () => ({}),
      [
        'category',
        'condition',
        'tag',
        'q',
        'minValue',
        'maxValue',
        'sort',
        'order',
        'limit',
        'cursor',
      ],
    ],
    'asset.byId': [c.asset.byId, () => ({ id: ids.asset }), ['id']],
    'asset.create': [c.asset.create, () => ({ name: 'n' }), assetFields],
    'asset.update': [
      c.asset.update,
      () => ({ id: ids.asset }),
      ['id', 'expectedUpdatedAt', ...assetFields],
    ],
  });

  it('answers every input near a valid one with a result or a 4xx carrying an appCode', async () => {
    const all = neighbourhoods(caller);
    const case_ = fc.constantFrom(...Object.keys(all)).chain((name) =>
      fc.record({
        name: fc.constant(name),
        changes: fc
          .uniqueArray(fc.constantFrom(...all[name]![2]), { minLength: 1, maxLength: 2 })
          .chain((keys) => fc.tuple(...keys.map((key) => fc.tuple(fc.constant(key), value)))),
      }),
    );
    await fc.assert(
      fc.asyncProperty(case_, async ({ name, changes }) => {
        const [call, base] = all[name]!;
        const input = { ...base(), ...Object.fromEntries(changes) };
        const result = call(input as never);
        const outcome = await result.then(
          () => null,
          () => errorOf(result),
        );
        if (outcome) {
          expect(outcome.status, `${name}: ${outcome.message}`).toBeLessThan(500);
          expect(outcome.appCode).toMatch(/^[A-Z_]+$/);
        }
      }),
      { numRuns: 800 },
    );
  });
});
