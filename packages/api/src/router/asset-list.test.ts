// asset.list against a real database: for any assets, filters, sort, order and page size,
// walking every page yields exactly the matching assets, in the order of a full sort.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import { assetSorts, tagKey } from '@repo/validators';
import type { RouterInputs } from '../index';
import { useTestApi } from '../testing/fixtures';
import {
  type Filters,
  type Row,
  assetArb,
  expectedIds,
  filtersArb,
} from '../testing/asset-list-model';

const orders = ['asc', 'desc'] as const;
const combos = assetSorts.flatMap((sort) => orders.map((order) => ({ sort, order })));

/** Rows written around the router carry the lower-cased tag keys the router would write. */
const keys = (asset: { tags: string[] }) => ({ tagKeys: asset.tags.map(tagKey) });

describe.each(testEngines)('asset.list pagination on %s', (engine) => {
  const api = useTestApi(engine);

  /** A fresh owner with `assets` (and a neighbour with the same ones, who must never show up). */
  async function ownerWith(assets: Omit<Row, 'id' | 'ownerId'>[]) {
    const [owner, neighbour] = await Promise.all([api.newUser('list'), api.newUser('neighbour')]);
    for (const ownerId of [owner.user.id, neighbour.user.id]) {
      await api.db.prisma.asset.createMany({
        data: assets.map((asset) => ({ ...asset, ...keys(asset), ownerId })),
      });
    }
    const rows: Row[] = await api.db.prisma.asset.findMany({ where: { ownerId: owner.user.id } });
    return { caller: owner.caller, rows };
  }

  type ListInput = RouterInputs['asset']['list'];

  it.each(combos)(
    'walks every page exactly once, in order: $sort $order',
    async ({ sort, order }) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(assetArb, { maxLength: 24 }),
          filtersArb,
          fc.integer({ min: 1, max: 7 }),
          async (assets, filters: Filters, limit) => {
            const { caller, rows } = await ownerWith(assets);
            const input: ListInput = { ...filters, sort, order, limit };
            const seen: string[] = [];
            let cursor: string | null = null;
            let pages = 0;
            do {
              const page: { items: { id: string }[]; nextCursor: string | null } =
                await caller.asset.list({
                  ...input,
                  cursor,
                });
              expect(page.items.length).toBeLessThanOrEqual(limit);
              seen.push(...page.items.map((item) => item.id));
              cursor = page.nextCursor;
              pages++;
            } while (cursor && pages < 100);

            const expected = expectedIds(rows, filters, sort, order);
            expect(seen).toEqual(expected);
            expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)));
          },
        ),
        { numRuns: 12 },
      );
    },
  );

  it('stays correct when assets are added and removed between pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(assetArb, { minLength: 4, maxLength: 16 }),
        fc.array(assetArb, { maxLength: 6 }),
        fc.constantFrom(...combos),
        fc.integer({ min: 1, max: 4 }),
        async (assets, additions, { sort, order }, limit) => {
          const { caller, rows } = await ownerWith(assets);
          const ownerId = rows[0]!.ownerId;
          const removed = new Set<string>();
          const seen: string[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page: { items: { id: string }[]; nextCursor: string | null } =
              await caller.asset.list({
                sort,
                order,
                limit,
                cursor,
              });
            seen.push(...page.items.map((item) => item.id));
            cursor = page.nextCursor;
            pages++;
            // Between requests: another device adds one asset and deletes one not yet seen.
            const added = additions[pages - 1];
            if (added)
              await api.db.prisma.asset.create({ data: { ...added, ...keys(added), ownerId } });
            const victim = rows.find((row) => !seen.includes(row.id) && !removed.has(row.id));
            if (victim && pages % 2 === 1) {
              await api.db.prisma.asset.delete({ where: { id: victim.id } });
              removed.add(victim.id);
            }
          } while (cursor && pages < 100);

          expect(new Set(seen).size).toBe(seen.length);
          // Every original asset that survived the walk was seen; no deleted one was.
          expect(seen.filter((id) => removed.has(id))).toEqual([]);
          const survivors = rows.filter((row) => !removed.has(row.id)).map((row) => row.id);
          expect(survivors.filter((id) => !seen.includes(id))).toEqual([]);
          // And what was seen is in sort order, as one walk over the final rows would give it.
          const final = await api.db.prisma.asset.findMany({ where: { ownerId } });
          const order_ = expectedIds(final, {}, sort, order);
          expect(seen).toEqual(order_.filter((id) => seen.includes(id)));
        },
      ),
      { numRuns: 15 },
    );
  });
});
