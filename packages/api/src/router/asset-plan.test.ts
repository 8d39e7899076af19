// Every asset.list query shape is index-backed: on PostgreSQL with 10,000 assets for one user,
// EXPLAIN of each statement Prisma sends shows no sequential scan of "Asset".
import { describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import { assetSorts } from '@repo/validators';
import { encodeCursor } from '../pagination';
import { testCursorKey } from '../testing/caller';
import { seqScansOn } from '../testing/explain';
import { usePlanProbe } from '../testing/plan-probe';
import { seedAssets } from '../testing/seed-assets';

const shapes = assetSorts.flatMap((sort) =>
  (['asc', 'desc'] as const).flatMap((order) =>
    (['first page', 'cursor page'] as const).map((page) => ({ sort, order, page })),
  ),
);

describe.skipIf(!testEngines.includes('postgres'))('asset.list plans on PostgreSQL', () => {
  const plan = usePlanProbe(seedAssets);

  it('the probe sees a Seq Scan when there is one (the check can fail)', async () => {
    const plans = await plan.probe.explain(
      () => plan.probe.db.prisma.asset.findMany({ where: { currency: 'EUR' } }),
      'Asset',
    );
    expect(seqScansOn(plans, 'Asset')).toHaveLength(1);
  });

  it.each(shapes)('$sort $order, $page: no Seq Scan on "Asset"', async ({ sort, order, page }) => {
    const first = await plan.caller.asset.list({ sort, order, limit: 50 });
    expect(first.items).toHaveLength(50);
    const cursor = page === 'cursor page' ? first.nextCursor : null;
    const plans = await plan.probe.explain(
      () => plan.caller.asset.list({ sort, order, cursor }),
      'Asset',
    );
    expect(plans.length).toBeGreaterThan(0);
    expect(seqScansOn(plans, 'Asset').map((plan) => [plan.sql, plan.summary])).toEqual([]);
  });

  it.each(
    (['estimatedValue', 'acquiredAt'] as const).flatMap((sort) =>
      (['asc', 'desc'] as const).map((order) => ({ sort, order })),
    ),
  )('$sort $order from a cursor inside the null segment: no Seq Scan', async ({ sort, order }) => {
    const field = sort === 'estimatedValue' ? 'estimatedValueCents' : 'acquiredAt';
    const row = await plan.db.prisma.asset.findFirstOrThrow({ where: { [field]: null } });
    const cursor = encodeCursor({ s: sort, o: order, v: null, i: row.id }, testCursorKey);
    const plans = await plan.probe.explain(
      () => plan.caller.asset.list({ sort, order, cursor }),
      'Asset',
    );
    expect(plans.length).toBeGreaterThan(0);
    expect(seqScansOn(plans, 'Asset')).toEqual([]);
  });

  it('category, condition, value range and text filters stay index-backed', async () => {
    const plans = await plan.probe.explain(
      () =>
        plan.caller.asset.list({
          category: 'coins',
          condition: 'mint',
          minValue: 1000,
          maxValue: 5_000_000,
          q: 'asset 1',
          sort: 'estimatedValue',
        }),
      'Asset',
    );
    expect(seqScansOn(plans, 'Asset').map((plan) => [plan.sql, plan.summary])).toEqual([]);
  });

  it('a tag filter, in any spelling, is one index-backed statement', async () => {
    const plans = await plan.probe.explain(() => plan.caller.asset.list({ tag: 'TAG7' }), 'Asset');
    expect(plans).toHaveLength(1);
    expect(seqScansOn(plans, 'Asset').map((plan) => [plan.sql, plan.summary])).toEqual([]);
  });
});
