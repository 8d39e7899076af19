// A keyset segment as Prisma findMany arguments, for the lists read through Prisma's client.
import type { Order, Segment } from './keyset';

type Where = Record<string, unknown>;
type OrderBy = Record<string, Order>;

export interface PrismaSegment {
  where: Where;
  orderBy: OrderBy[];
  take: number;
}

/** The segment's rows within `scope` (the list's filters, the owner first). */
export function prismaSegment(segment: Segment, scope: Where[]): PrismaSegment {
  const { sort, order } = segment;
  const f = sort.field;
  const where: Where[] = [...scope];
  if (segment.rows === 'set') where.push({ [f]: { not: null } });
  if (segment.rows === 'null') where.push({ [f]: null });
  if (segment.after) {
    const { value, id } = segment.after;
    if (segment.rows === 'null') where.push({ id: { [order === 'asc' ? 'gt' : 'lt']: id } });
    else where.push(...afterValue(segment, value, id));
  }
  // In the null segment ordering by the (all-null) sort field too is a no-op for the result, but
  // it makes the order the (owner, field, id) index's own, so the planner reads `take` rows from
  // the cursor on instead of sorting every null row of the owner (or walking the primary key).
  return { where: { AND: where }, orderBy: [{ [f]: order }, { id: order }], take: segment.take };
}

/**
 * Rows strictly after (value, id) in the sort order. The redundant gte/lte bound lets
 * PostgreSQL start the index scan at the cursor instead of filtering every earlier row.
 */
function afterValue({ sort, order }: Segment, value: unknown, id: number | string): Where[] {
  const f = sort.field;
  const idAfter = { id: { [order === 'asc' ? 'gt' : 'lt']: id } };
  if (sort.kind === 'enum') {
    const values = sort.enumValues ?? [];
    const at = values.indexOf(value as string);
    const beyond = order === 'asc' ? values.slice(at + 1) : values.slice(0, at);
    return [{ OR: [{ [f]: { in: beyond } }, { [f]: value, ...idAfter }] }];
  }
  const strict = order === 'asc' ? 'gt' : 'lt';
  const loose = order === 'asc' ? 'gte' : 'lte';
  return [
    { [f]: { [loose]: value } },
    { OR: [{ [f]: { [strict]: value } }, { [f]: value, ...idAfter }] },
  ];
}
