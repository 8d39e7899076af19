// asset.create / byId / update / delete: stored fields, defaults, money as numbers, NOT_FOUND.
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import { MAX_MONEY_CENTS } from '@repo/validators';
import type { TestUser } from '../testing/caller';
import { errorOf } from '../testing/error-shape';
import { useTestApi } from '../testing/fixtures';

describe.each(testEngines)('asset procedures on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;
  beforeAll(async () => {
    me = await api.newUser('assets');
  });

  it('creates an asset with defaults and a trimmed name', async () => {
    const asset = await me.caller.asset.create({ name: '  1909-S VDB cent  ' });
    expect(asset).toEqual({
      id: asset.id,
      ownerId: me.user.id,
      name: '1909-S VDB cent',
      description: null,
      category: null,
      condition: null,
      acquiredAt: null,
      purchasePriceCents: null,
      estimatedValueCents: null,
      currency: 'USD',
      imageUrls: [],
      tags: [],
      metadata: {},
      createdAt: api.clock.now(),
      updatedAt: api.clock.now(),
    });
    expect(await me.caller.asset.byId({ id: asset.id })).toEqual(asset);
  });

  it('returns money as exact JSON numbers, stored as BIGINT', async () => {
    const asset = await me.caller.asset.create({
      name: 'Watch',
      purchasePriceCents: 0,
      estimatedValueCents: MAX_MONEY_CENTS,
    });
    expect(asset.purchasePriceCents).toBe(0);
    expect(asset.estimatedValueCents).toBe(1_000_000_000_000);
    expect(JSON.parse(JSON.stringify(asset))).toMatchObject({ estimatedValueCents: 1e12 });
    const row = await api.db.prisma.asset.findUniqueOrThrow({ where: { id: asset.id } });
    expect(row.estimatedValueCents).toBe(1_000_000_000_000n);
  });

  it('accepts ISO strings as dates (the REST mirror sends strings)', async () => {
    const asset = await me.caller.asset.create({
      name: 'Stamp',
      acquiredAt: '2025-03-01T10:00:00+02:00',
    });
    expect(asset.acquiredAt).toEqual(new Date('2025-03-01T08:00:00Z'));
  });

  it('stores every field, normalising currency and de-duplicating tags', async () => {
    const asset = await me.caller.asset.create({
      name: 'Card',
      description: 'Rookie card',
      category: ' Trading cards ',
      condition: 'near_mint',
      currency: 'jpy',
      imageUrls: ['https://img.example.com/card.jpg'],
      tags: ['Rookie', ' rookie ', 'PSA 10', 'ROOKIE'],
      metadata: { grade: { by: 'PSA', value: 10 }, signed: false },
    });
    expect(asset).toMatchObject({
      category: 'Trading cards',
      condition: 'near_mint',
      currency: 'JPY',
      imageUrls: ['https://img.example.com/card.jpg'],
      tags: ['Rookie', 'PSA 10'],
      metadata: { grade: { by: 'PSA', value: 10 }, signed: false },
    });
  });

  it('updates a partial patch and clears nullable fields with null', async () => {
    const asset = await me.caller.asset.create({
      name: 'Vase',
      description: 'Ming?',
      estimatedValueCents: 500,
      tags: ['ceramic'],
    });
    api.clock.advance(1000);
    const updated = await me.caller.asset.update({
      id: asset.id,
      description: null,
      estimatedValueCents: null,
      condition: 'good',
    });
    expect(updated).toEqual({
      ...asset,
      description: null,
      estimatedValueCents: null,
      condition: 'good',
      updatedAt: api.clock.now(),
    });
    expect(await me.caller.asset.byId({ id: asset.id })).toEqual(updated);
  });

  it('deletes an asset; it is then NOT_FOUND everywhere', async () => {
    const asset = await me.caller.asset.create({ name: 'Gone' });
    expect(await me.caller.asset.delete({ id: asset.id })).toEqual({ id: asset.id });
    expect(await api.db.prisma.asset.count({ where: { id: asset.id } })).toBe(0);
    // One at a time: each call is made only when the previous answer has been checked.
    const calls = [
      () => me.caller.asset.byId({ id: asset.id }),
      () => me.caller.asset.update({ id: asset.id, name: 'Back' }),
      () => me.caller.asset.delete({ id: asset.id }),
    ];
    for (const call of calls) {
      expect(await errorOf(call())).toMatchObject({ status: 404, appCode: 'NOT_FOUND' });
    }
  });

  it('refuses a malformed id as VALIDATION_ERROR, not a database error', async () => {
    expect(await errorOf(me.caller.asset.byId({ id: 'not-a-uuid' }))).toMatchObject({
      status: 400,
      appCode: 'VALIDATION_ERROR',
      field: 'id',
    });
  });
});
