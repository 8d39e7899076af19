// asset.update under concurrency: expectedUpdatedAt is a compare-and-set, so of two clients
// holding the same version exactly one wins; patches without it never lose each other's fields.
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import { AppError } from '../errors';
import type { TestUser } from '../testing/caller';
import { errorOf } from '../testing/error-shape';
import { useTestApi } from '../testing/fixtures';

describe.each(testEngines)('asset.update concurrency on %s', (engine) => {
  const api = useTestApi(engine, { poolSize: 8 });
  let me: TestUser;
  beforeAll(async () => {
    // Several connections on PostgreSQL, so the racing updates really overlap there.
    me = await api.newUser('concurrency');
  });

  it('answers CONFLICT to a stale expectedUpdatedAt and writes nothing', async () => {
    const asset = await me.caller.asset.create({ name: 'Shared' });
    // Same clock instant: the web write must still move updatedAt so mobile's copy is stale.
    const web = await me.caller.asset.update({
      id: asset.id,
      name: 'Web',
      expectedUpdatedAt: asset.updatedAt,
    });
    expect(web.updatedAt.getTime()).toBeGreaterThan(asset.updatedAt.getTime());
    expect(
      await errorOf(
        me.caller.asset.update({
          id: asset.id,
          name: 'Mobile',
          expectedUpdatedAt: asset.updatedAt,
        }),
      ),
    ).toMatchObject({ status: 409, appCode: 'CONFLICT', field: 'expectedUpdatedAt' });
    expect(await me.caller.asset.byId({ id: asset.id })).toEqual(web);
    const fresh = await me.caller.asset.update({
      id: asset.id,
      name: 'Mobile',
      expectedUpdatedAt: web.updatedAt.toISOString(),
    });
    expect(fresh.name).toBe('Mobile');
  });

  it('of concurrent updates holding the same version, exactly one wins', async () => {
    const asset = await me.caller.asset.create({ name: 'Contested' });
    const names = ['web', 'mobile', 'panel', 'script', 'tablet'];
    const outcomes = await Promise.all(
      names.map((name) =>
        me.caller.asset.update({ id: asset.id, name, expectedUpdatedAt: asset.updatedAt }).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        ),
      ),
    );
    const winners = outcomes.flatMap((o) => ('value' in o ? [o.value] : []));
    expect(winners).toHaveLength(1);
    const losers = outcomes.flatMap((o) => ('error' in o ? [o.error] : []));
    expect(losers.map((e) => (e instanceof AppError ? e.appCode : e))).toEqual(
      Array(names.length - 1).fill('CONFLICT'),
    );
    expect(await me.caller.asset.byId({ id: asset.id })).toEqual(winners[0]);
  });

  it('concurrent patches of different fields without a version all land', async () => {
    const asset = await me.caller.asset.create({ name: 'Patched' });
    await Promise.all([
      me.caller.asset.update({ id: asset.id, category: 'coins' }),
      me.caller.asset.update({ id: asset.id, condition: 'mint' }),
      me.caller.asset.update({ id: asset.id, estimatedValueCents: 42 }),
    ]);
    expect(await me.caller.asset.byId({ id: asset.id })).toMatchObject({
      category: 'coins',
      condition: 'mint',
      estimatedValueCents: 42,
    });
  });
});
