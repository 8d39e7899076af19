// The one keyset paginator every list uses. A page is read in at most two index-ordered
// segments: rows whose sort value is set, then (for nullable sort keys) rows where it is null,
// so nulls come last in both directions without giving up the index order.
import { AppError } from '../errors';
import { type CursorPayload, decodeCursor, encodeCursor } from './cursor';

type Order = 'asc' | 'desc';
type Where = Record<string, unknown>;
type OrderBy = Record<string, Order>;

export interface SortKey {
  /** The name clients send (`sort: 'dueDate'`); also recorded in the cursor. */
  name: string;
  /** The Prisma field it orders by. */
  field: string;
  kind: 'date' | 'string' | 'int' | 'bigint' | 'enum';
  nullable: boolean;
  /** Enum values in ascending order: Prisma has no gt/lt filters on enums. */
  enumValues?: readonly string[];
}

export interface PageRequest {
  sort: SortKey;
  order: Order;
  limit: number;
  cursor?: string | null | undefined;
  /** HMAC key for cursors (Services.cursorKey). */
  cursorKey: Uint8Array;
  /** The model's primary key type, checked when a cursor is decoded. */
  idKind: 'int' | 'uuid';
  /** The list's own filters (the owner first), ANDed into every segment's `where`. */
  scope?: Where[] | undefined;
}

export interface Page<Row> {
  items: Row[];
  nextCursor: string | null;
}

/** Runs one segment: `where` already holds the request's scope. */
export type FetchSegment<Row> = (args: {
  where: Where;
  orderBy: OrderBy[];
  take: number;
}) => Promise<Row[]>;

export async function paginate<Row extends { id: number | string }>(
  request: PageRequest,
  fetch: FetchSegment<Row>,
): Promise<Page<Row>> {
  const { sort, order, limit, scope = [] } = request;
  const after = request.cursor
    ? decodeCursor(request.cursor, request.cursorKey, { sort: sort.name, order })
    : undefined;
  const after_ = after && {
    value: parseValue(sort, after.v),
    id: checkId(request.idKind, after.i),
  };
  const want = limit + 1;
  const idOrder: OrderBy = { id: order };
  const rows: Row[] = [];

  const inNullSegment = after_ !== undefined && after_.value === null;
  if (!inNullSegment) {
    const where: Where[] = sort.nullable ? [{ [sort.field]: { not: null } }] : [];
    if (after_) where.push(...afterValue(sort, order, after_.value, after_.id));
    rows.push(
      ...(await fetch({
        where: { AND: [...scope, ...where] },
        orderBy: [{ [sort.field]: order }, idOrder],
        take: want,
      })),
    );
  }
  if (sort.nullable && rows.length < want) {
    const where: Where[] = [{ [sort.field]: null }];
    if (inNullSegment) where.push({ id: { [order === 'asc' ? 'gt' : 'lt']: after_.id } });
    // Ordering by the (all-null) sort field too is a no-op for the result, but it makes the
    // order the (owner, field, id) index's own, so the planner reads `take` rows from the
    // cursor on instead of sorting every null row of the owner (or walking the primary key).
    const orderBy: OrderBy[] = [{ [sort.field]: order }, idOrder];
    rows.push(
      ...(await fetch({ where: { AND: [...scope, ...where] }, orderBy, take: want - rows.length })),
    );
  }

  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor(
          {
            s: sort.name,
            o: order,
            v: serializeValue(sort, (last as Record<string, unknown>)[sort.field]),
            i: last.id,
          },
          request.cursorKey,
        )
      : null;
  return { items, nextCursor };
}

/**
 * Rows strictly after (value, id) in the sort order. The redundant gte/lte bound lets
 * PostgreSQL start the index scan at the cursor instead of filtering every earlier row.
 */
function afterValue(sort: SortKey, order: Order, value: unknown, id: number | string): Where[] {
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

function serializeValue(sort: SortKey, value: unknown): CursorPayload['v'] {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value as string | number;
}

const badCursor = () =>
  new AppError('INVALID_CURSOR', 'Invalid cursor: malformed', { field: 'cursor' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkId(kind: PageRequest['idKind'], id: number | string): number | string {
  const ok =
    kind === 'int'
      ? typeof id === 'number' && id > 0 && id <= 2_147_483_647
      : typeof id === 'string' && UUID.test(id);
  if (!ok) throw badCursor();
  return id;
}

function parseValue(sort: SortKey, v: CursorPayload['v']): unknown {
  if (v === null) {
    if (!sort.nullable) throw badCursor();
    return null;
  }
  switch (sort.kind) {
    case 'date': {
      const date = typeof v === 'string' ? new Date(v) : new Date(NaN);
      if (Number.isNaN(date.getTime())) throw badCursor();
      return date;
    }
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v)) throw badCursor();
      return v;
    case 'bigint':
      if (typeof v !== 'string' || !/^-?\d{1,19}$/.test(v)) throw badCursor();
      return BigInt(v);
    case 'enum':
      if (typeof v !== 'string' || !sort.enumValues?.includes(v)) throw badCursor();
      return v;
    case 'string':
      if (typeof v !== 'string') throw badCursor();
      return v;
  }
}
