// Every asset input limit at its edge (accepted) and one past it (VALIDATION_ERROR naming the field).
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import { MAX_METADATA_BYTES, MAX_MONEY_CENTS } from '@repo/validators';
import type { RouterInputs } from '../index';
import type { TestUser } from '../testing/caller';
import { errorOf } from '../testing/error-shape';
import { useTestApi } from '../testing/fixtures';

const text = (length: number) => 'x'.repeat(length);
const httpsUrl = (length: number) =>
  `https://example.com/${text(length - 'https://example.com/'.length)}`;
/** A metadata object whose JSON text is exactly `bytes` UTF-8 bytes: {"k":"..."} */
const metadataOf = (bytes: number, fill = 'x') => ({ k: fill.repeat(bytes - '{"k":""}'.length) });

// Fields other than name, each valid at its limit.
const accepted: [string, Record<string, unknown>][] = [
  ['a 200-character name', { name: text(200) }],
  ['a 10,000-character description', { description: text(10_000) }],
  ['a 50-character category (after trimming)', { category: ` ${text(50)} ` }],
  ['a condition from the list', { condition: 'poor' }],
  ['a price of 0', { purchasePriceCents: 0 }],
  ['the maximum price', { estimatedValueCents: MAX_MONEY_CENTS }],
  ['EUR', { currency: 'EUR' }],
  ['20 images', { imageUrls: Array.from({ length: 20 }, (_, i) => `https://img.example/${i}`) }],
  ['a 2048-character URL', { imageUrls: [httpsUrl(2048)] }],
  ['20 tags', { tags: Array.from({ length: 20 }, (_, i) => `tag ${i}`) }],
  ['a 30-character tag', { tags: [text(30)] }],
  ['16 KB of metadata', { metadata: metadataOf(MAX_METADATA_BYTES) }],
  ['nested metadata', { metadata: { a: [1, 'two', null, { b: true }] } }],
];

const rejected: [string, Record<string, unknown>, string][] = [
  ['a blank name', { name: '   ' }, 'name'],
  ['a 201-character name', { name: text(201) }, 'name'],
  ['a 10,001-character description', { description: text(10_001) }, 'description'],
  ['a 51-character category', { category: text(51) }, 'category'],
  ['an unknown condition', { condition: 'broken' }, 'condition'],
  ['a negative price', { purchasePriceCents: -1 }, 'purchasePriceCents'],
  ['a price over the maximum', { estimatedValueCents: MAX_MONEY_CENTS + 1 }, 'estimatedValueCents'],
  ['a fractional price', { purchasePriceCents: 1.5 }, 'purchasePriceCents'],
  ['an unknown currency XYZ', { currency: 'XYZ' }, 'currency'],
  ['a two-letter currency', { currency: 'US' }, 'currency'],
  [
    '21 images',
    { imageUrls: Array.from({ length: 21 }, (_, i) => `https://img.example/${i}`) },
    'imageUrls',
  ],
  ['an http URL', { imageUrls: ['http://img.example/a.jpg'] }, 'imageUrls.0'],
  ['a relative URL', { imageUrls: ['/a.jpg'] }, 'imageUrls.0'],
  ['a host-less https URL', { imageUrls: ['https:a.jpg'] }, 'imageUrls.0'],
  ['a 2049-character URL', { imageUrls: ['https://ok.example/', httpsUrl(2049)] }, 'imageUrls.1'],
  ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `tag ${i}`) }, 'tags'],
  ['a 31-character tag', { tags: [text(31)] }, 'tags.0'],
  ['a blank tag', { tags: ['ok', '  '] }, 'tags.1'],
  ['16 KB + 1 of metadata', { metadata: metadataOf(MAX_METADATA_BYTES + 1) }, 'metadata'],
  // 'é' is two bytes: the limit is on bytes, not characters.
  [
    '16 KB of characters but more bytes',
    { metadata: metadataOf(MAX_METADATA_BYTES, 'é') },
    'metadata',
  ],
  ['array metadata', { metadata: [1, 2] }, 'metadata'],
  ['string metadata', { metadata: 'note' }, 'metadata'],
  ['null metadata', { metadata: null }, 'metadata'],
  ['a date without a time', { acquiredAt: '2025-01-01' }, 'acquiredAt'],
  ['a date-time without an offset', { acquiredAt: '2025-01-01T10:00:00' }, 'acquiredAt'],
];

describe.each(testEngines)('asset input limits on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;
  beforeAll(async () => {
    me = await api.newUser('limits');
  });

  const create = (input: Record<string, unknown>) =>
    me.caller.asset.create({ name: 'Item', ...input });

  it.each(accepted)('accepts %s', async (_label, input) => {
    const asset = await create(input);
    expect(await me.caller.asset.byId({ id: asset.id })).toEqual(asset);
  });

  it.each(rejected)('rejects %s, naming %s, and writes nothing', async (_label, input, field) => {
    const before = await api.db.prisma.asset.count();
    expect(await errorOf(create(input))).toMatchObject({
      status: 400,
      appCode: 'VALIDATION_ERROR',
      field,
    });
    expect(await api.db.prisma.asset.count()).toBe(before);
  });

  it('keeps the first spelling of case-insensitive duplicate tags, in order', async () => {
    const asset = await create({ tags: [' Gold ', 'silver', 'GOLD', 'gold', 'Silver', 'Bronze'] });
    expect(asset.tags).toEqual(['Gold', 'silver', 'Bronze']);
  });

  it('de-duplicates after the 20-tag check: 21 entries are refused even if some repeat', async () => {
    const tags = [...Array.from({ length: 20 }, (_, i) => `t${i}`), 'T0'];
    expect(await errorOf(create({ tags }))).toMatchObject({
      appCode: 'VALIDATION_ERROR',
      field: 'tags',
    });
  });

  it('accepts acquiredAt at the server clock and refuses one millisecond later', async () => {
    const now = api.clock.now();
    expect((await create({ acquiredAt: now })).acquiredAt).toEqual(now);
    const later = new Date(now.getTime() + 1);
    expect(await errorOf(create({ acquiredAt: later }))).toMatchObject({
      status: 400,
      appCode: 'VALIDATION_ERROR',
      field: 'acquiredAt',
    });
    const asset = await create({});
    expect(
      await errorOf(me.caller.asset.update({ id: asset.id, acquiredAt: later })),
    ).toMatchObject({
      appCode: 'VALIDATION_ERROR',
      field: 'acquiredAt',
    });
    expect((await me.caller.asset.byId({ id: asset.id })).acquiredAt).toBeNull();
  });

  it('checks a patch with the same rules as create', async () => {
    const asset = await create({ currency: 'usd' });
    expect(asset.currency).toBe('USD');
    for (const [patch, field] of [
      [{ currency: 'XYZ' }, 'currency'],
      [{ name: '' }, 'name'],
      [{ metadata: [] }, 'metadata'],
    ] as const) {
      const call = me.caller.asset.update({
        id: asset.id,
        ...patch,
      });
      expect(await errorOf(call)).toMatchObject({ appCode: 'VALIDATION_ERROR', field });
    }
    expect(await me.caller.asset.byId({ id: asset.id })).toEqual(asset);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ sort: 'price' }, 'sort'],
    [{ minValue: 10, maxValue: 9 }, 'maxValue'],
    [{ minValue: -1 }, 'minValue'],
    [{ tag: text(31) }, 'tag'],
  ])('list refuses %o naming %s', async (input, field) => {
    const call = me.caller.asset.list(input as RouterInputs['asset']['list']);
    expect(await errorOf(call)).toMatchObject({ status: 400, appCode: 'VALIDATION_ERROR', field });
  });

  it('list accepts limit 1 and 100', async () => {
    expect((await me.caller.asset.list({ limit: 1 })).items).toHaveLength(1);
    expect((await me.caller.asset.list({ limit: 100 })).items.length).toBeGreaterThan(1);
  });
});
