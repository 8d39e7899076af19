// Owner scoping: user B calling every asset procedure with user A's ids gets NOT_FOUND (never
// CONFLICT, which would reveal that the row exists) and A's assets stay exactly as they were.
import { beforeAll, describe, expect } from 'vitest';
import { testEngines } from '@repo/db/testing';
import type { RouterOutputs } from '../index';
import type { Caller } from '../testing/caller';
import { useTestApi } from '../testing/fixtures';
import { type IsolationCase, itIsolates } from '../testing/isolation';

type Asset = RouterOutputs['asset']['byId'];
type Page = RouterOutputs['asset']['list'];

interface Ids {
  ownerId: string;
  intruderId: string;
  asset: Asset;
  /** A cursor from the owner's own listing. */
  cursor: string;
}

/** A list answer made only of the intruder's own assets. */
const onlyIntruders = (ids: Ids) => (result: unknown) => {
  const page = result as Page;
  expect(page.items.every((item) => item.ownerId === ids.intruderId)).toBe(true);
  expect(page.items.map((item) => item.id)).not.toContain(ids.asset.id);
};

// `ids` is read inside each call, after beforeAll has made the owner's rows.
let current: Ids;
const cases: IsolationCase<Ids>[] = [
  { procedure: 'asset.byId', call: (b, ids) => b.asset.byId({ id: ids.asset.id }) },
  {
    procedure: 'asset.update',
    call: (b, ids) => b.asset.update({ id: ids.asset.id, name: 'Mine now' }),
  },
  {
    procedure: 'asset.update',
    variant: "with A's current expectedUpdatedAt",
    call: (b, ids) =>
      b.asset.update({ id: ids.asset.id, name: 'x', expectedUpdatedAt: ids.asset.updatedAt }),
  },
  {
    procedure: 'asset.update',
    variant: 'with a stale expectedUpdatedAt',
    call: (b, ids) =>
      b.asset.update({ id: ids.asset.id, name: 'x', expectedUpdatedAt: new Date(0) }),
  },
  { procedure: 'asset.delete', call: (b, ids) => b.asset.delete({ id: ids.asset.id }) },
  {
    procedure: 'asset.list',
    call: (b) => b.asset.list({}),
    expectResult: (result) => onlyIntruders(current)(result),
  },
  {
    procedure: 'asset.list',
    variant: "filtered by A's tag, category and name",
    call: (b, ids) =>
      b.asset.list({ tag: ids.asset.tags[0], category: ids.asset.category ?? '', q: 'Secret' }),
    expectResult: (result) => expect((result as Page).items).toEqual([]),
  },
  {
    procedure: 'asset.list',
    variant: "with a cursor from A's listing",
    call: (b, ids) => b.asset.list({ cursor: ids.cursor, limit: 1 }),
    expectResult: (result) => onlyIntruders(current)(result),
  },
  {
    // create takes no id; it must land on the caller, never on anyone else.
    procedure: 'asset.create',
    call: (b) => b.asset.create({ name: 'Intruder item', tags: ['rare'] }),
    expectResult: (result) => expect((result as Asset).ownerId).toBe(current.intruderId),
  },
];

describe.each(testEngines)('asset isolation on %s', (engine) => {
  const api = useTestApi(engine);
  let intruder: Caller;

  beforeAll(async () => {
    const owner = await api.newUser('owner');
    const other = await api.newUser('intruder');
    intruder = other.caller;
    const asset = await owner.caller.asset.create({
      name: 'Secret Stradivarius',
      category: 'instruments',
      tags: ['rare', 'wood'],
      estimatedValueCents: 1_500_000_000,
      metadata: { maker: 'Stradivari' },
    });
    await owner.caller.asset.create({ name: 'Secret second' });
    await other.caller.asset.create({ name: 'Own violin', tags: ['rare'] });
    const { nextCursor } = await owner.caller.asset.list({ limit: 1 });
    current = {
      ownerId: owner.user.id,
      intruderId: other.user.id,
      asset,
      cursor: nextCursor ?? '',
    };
  });

  itIsolates(['asset'], cases, () => ({
    intruder,
    ids: current,
    // Every column of every owner row, so any write (even updatedAt alone) shows up.
    snapshot: () =>
      api.db.prisma.asset.findMany({ where: { ownerId: current.ownerId }, orderBy: { id: 'asc' } }),
  }));
});
