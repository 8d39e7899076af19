// The one keyset paginator every list uses. A page is read in at most two index-ordered
// segments: rows whose sort value is set, then (for nullable sort keys) rows where it is null,
// so nulls come last in both directions without giving up the index order. What a segment
// reads is said here once; prisma-segment.ts and sql-segment.ts say it in their languages.
import { AppError } from '../errors';
import { type CursorPayload, decodeCursor, encodeCursor } from './cursor';

export type Order = 'asc' | 'desc';

export interface SortKey {
  /** The name clients send (`sort: 'dueDate'`); also recorded in the cursor. */
  name: string;
  /** The field it orders by: a Prisma field, and the column of the same name. */
  field: string;
  kind: 'date' | 'string' | 'int' | 'bigint' | 'enum';
  nullable: boolean;
  /** Enum values in ascending order (Prisma has no gt/lt filters on enums). */
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
}

export interface Page<Row> {
  items: Row[];
  nextCursor: string | null;
}

/**
 * One index-ordered read of a page: by (sort field, id) in `order`, at most `take` rows. A
 * fetcher turns it into its query language (prisma-segment.ts, sql-segment.ts) and adds the
 * list's own filters.
 */
export interface Segment {
  sort: SortKey;
  order: Order;
  /** For a nullable key, the rows with a value ('set') or without ('null'); else 'all'. */
  rows: 'all' | 'set' | 'null';
  /** Only rows strictly after this position in the order (the cursor's); value null in 'null'. */
  after: { value: unknown; id: number | string } | undefined;
  take: number;
}

export type FetchSegment<Row> = (segment: Segment) => Promise<Row[]>;

export async function paginate<Row extends { id: number | string }>(
  request: PageRequest,
  fetch: FetchSegment<Row>,
): Promise<Page<Row>> {
  const { sort, order, limit } = request;
  const cursor = request.cursor
    ? decodeCursor(request.cursor, request.cursorKey, { sort: sort.name, order })
    : undefined;
  const after = cursor && {
    value: parseValue(sort, cursor.v),
    id: checkId(request.idKind, cursor.i),
  };
  const want = limit + 1;
  const rows: Row[] = [];

  const inNullSegment = after !== undefined && after.value === null;
  if (!inNullSegment) {
    const segment = { sort, order, after, take: want };
    rows.push(...(await fetch({ ...segment, rows: sort.nullable ? 'set' : 'all' })));
  }
  if (sort.nullable && rows.length < want) {
    rows.push(
      ...(await fetch({
        sort,
        order,
        rows: 'null',
        after: inNullSegment ? after : undefined,
        take: want - rows.length,
      })),
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
