// A model of asset.list for property tests: random assets and filters, and the answer a full
// in-memory filter and sort gives, to compare with what walking the pages returns.
import fc from 'fast-check';
import { type AssetListInput, type AssetSort, tagKey } from '@repo/validators';

export interface Row {
  id: string;
  ownerId: string;
  name: string;
  description: string | null;
  category: string | null;
  condition: 'mint' | 'near_mint' | 'excellent' | 'good' | 'fair' | 'poor' | null;
  acquiredAt: Date | null;
  estimatedValueCents: bigint | null;
  tags: string[];
  createdAt: Date;
}

export type Filters = Partial<
  Pick<AssetListInput, 'category' | 'condition' | 'tag' | 'q' | 'minValue' | 'maxValue'>
>;

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n));
const dedupe = (tags: string[]) =>
  tags.filter((t, i) => tags.findIndex((u) => tagKey(u) === tagKey(t)) === i);

// Few distinct values, so ties (the id tie-break), nulls and filter hits are all common. Names
// are lower-case ASCII so the database's collation and JavaScript agree on their order; the
// LIKE-special characters sit in descriptions, where only matching matters.
export const assetArb = fc.record({
  name: fc.constantFrom('amber', 'beryl', 'coral', 'delta'),
  description: fc.option(
    fc.constantFrom('50% off', '50 off', 'a_b', 'axb', 'back\\slash', 'backslash', 'Coral reef'),
    { nil: null },
  ),
  category: fc.option(fc.constantFrom('coins', 'stamps'), { nil: null }),
  condition: fc.option(fc.constantFrom('mint' as const, 'good' as const, 'poor' as const), {
    nil: null,
  }),
  acquiredAt: fc.option(fc.integer({ min: 0, max: 3 }).map(day), { nil: null }),
  estimatedValueCents: fc.option(
    fc.integer({ min: 0, max: 3 }).map((n) => BigInt(n * 100)),
    { nil: null },
  ),
  tags: fc.subarray(['Gold', 'gold', 'Silver', 'Éclair', 'éCLAIR']).map(dedupe),
  createdAt: fc.integer({ min: 0, max: 3 }).map(day),
});

export const filtersArb: fc.Arbitrary<Filters> = fc
  .record(
    {
      category: fc.constantFrom('coins', 'stamps'),
      condition: fc.constantFrom('mint' as const, 'poor' as const),
      tag: fc.constantFrom('gold', 'GOLD', 'silver', 'ÉCLAIR', 'none'),
      q: fc.constantFrom('%', '_', '\\', '50%', 'a_b', 'CORAL', 'amb', 'back\\'),
      minValue: fc.integer({ min: 0, max: 300 }),
      maxValue: fc.integer({ min: 0, max: 300 }),
    },
    { requiredKeys: [] },
  )
  .map((f) =>
    f.minValue !== undefined && f.maxValue !== undefined && f.minValue > f.maxValue
      ? { ...f, minValue: f.maxValue, maxValue: f.minValue }
      : f,
  );

const contains = (text: string | null, q: string) =>
  text !== null && text.toLowerCase().includes(q.toLowerCase());

function matches(row: Row, f: Filters): boolean {
  const value = row.estimatedValueCents;
  return (
    (f.category === undefined || row.category === f.category) &&
    (f.condition === undefined || row.condition === f.condition) &&
    (f.tag === undefined || row.tags.some((t) => tagKey(t) === tagKey(f.tag ?? ''))) &&
    (!f.q || contains(row.name, f.q) || contains(row.description, f.q)) &&
    (f.minValue === undefined || (value !== null && value >= BigInt(f.minValue))) &&
    (f.maxValue === undefined || (value !== null && value <= BigInt(f.maxValue)))
  );
}

function sortValue(row: Row, sort: AssetSort): number | string | bigint | null {
  switch (sort) {
    case 'createdAt':
      return row.createdAt.getTime();
    case 'name':
      return row.name;
    case 'estimatedValue':
      return row.estimatedValueCents;
    case 'acquiredAt':
      return row.acquiredAt?.getTime() ?? null;
  }
}

/** Ids of the matching rows in list order: by the sort value, nulls last both ways, then id. */
export function expectedIds(
  rows: Row[],
  f: Filters,
  sort: AssetSort,
  order: 'asc' | 'desc',
): string[] {
  const sign = order === 'asc' ? 1 : -1;
  return rows
    .filter((row) => matches(row, f))
    .sort((a, b) => {
      const ka = sortValue(a, sort);
      const kb = sortValue(b, sort);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;
      } else if (ka !== kb) {
        return (ka < kb ? -1 : 1) * sign;
      }
      // uuid order in PostgreSQL is byte order, which is lower-case hex string order.
      return (a.id < b.id ? -1 : 1) * sign;
    })
    .map((row) => row.id);
}
