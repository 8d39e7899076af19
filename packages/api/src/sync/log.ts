// The live-sync event log, read side: streams replay from it, retention prunes it. It is appended
// in the writing transaction (append.ts), with ids per user and gap-free in commit order.
import superjson, { type SuperJSONResult } from 'superjson';
import { Prisma } from '@repo/db';
import type { Database, PrismaClient } from '@repo/db';
import type { SyncEntity, SyncEvent } from '@repo/validators';

// The reads a stream makes when it opens, in plain SQL on the primary keys like READ_AFTER below:
// through Prisma's client they left so much garbage a stream on the heap that bench --only=sync
// read 68-80 KB of server RSS per idle stream; in plain SQL 34-45 KB (a heap snapshot of 500 idle
// streams holds ~24 KB each: sockets, HTTP state, the stream's closures and timers).
const HEAD = `SELECT "lastEventId" AS head FROM "SyncCursor" WHERE "userId" = $1`;
const HEAD_AND_SUCCESSOR = `SELECT
    (SELECT "lastEventId" FROM "SyncCursor" WHERE "userId" = $1) AS head,
    EXISTS (SELECT FROM "SyncEvent" WHERE "userId" = $1 AND id = $2) AS "hasSuccessor"`;

/** int8 as the drivers give it: a string from pg, a bigint or number from PGlite. */
type Int8 = string | bigint | number;

/** A head id as read: none (no cursor row, no change yet) is 0. */
const headOf = (head: Int8 | null | undefined): bigint => (head == null ? 0n : BigInt(head));

/** The newest id given to the user (0 before their first change). */
export async function headEventId(db: LogSource, userId: string): Promise<bigint> {
  const [row] = await db.query<{ head: Int8 }>(HEAD, [userId]);
  return headOf(row?.head);
}

/**
 * True when a stream may resume after `id`: it is the head, or the event after it is still in
 * the log (pruning removes the oldest first, so then every later one is there too).
 */
export async function canResumeAfter(db: LogSource, userId: string, id: bigint) {
  if (id < 0n) return false;
  // One row always: its subqueries answer NULL and false when there is nothing.
  const [row] = await db.query<{ head: Int8 | null; hasSuccessor: boolean }>(HEAD_AND_SUCCESSOR, [
    userId,
    (id + 1n).toString(),
  ]);
  const last = headOf(row!.head);
  return id === last || (row!.hasSuccessor && id < last);
}

export interface LoggedEvent {
  id: bigint;
  event: SyncEvent;
}

/** The surface a log read needs (a Database; tests wrap it to count reads). */
export type LogSource = Pick<Database, 'query'>;

// The hot read of live sync (one per user and wake-up in each process), in plain SQL on the
// (userId, id) primary key, a prepared statement: through Prisma's client the same query cost ~4x
// the CPU (370-520 against 90-140 µs a read, in process on PostgreSQL), and a busy instance runs
// hundreds a second.
const READ_AFTER = `SELECT id, op, entity, "entityId", data, "sessionId" FROM "SyncEvent"
  WHERE "userId" = $1 AND id > $2 ORDER BY id LIMIT $3`;

interface EventRow {
  id: Int8;
  op: string;
  entity: string;
  entityId: string;
  data: Prisma.JsonValue;
  sessionId: string | null;
}

/** Up to `limit` of the user's events after `after`, in id order. */
export async function readEventsAfter(
  db: LogSource,
  userId: string,
  after: bigint,
  limit: number,
): Promise<LoggedEvent[]> {
  const rows = await db.query<EventRow>(READ_AFTER, [userId, after.toString(), limit]);
  return rows.map((row) => ({ id: BigInt(row.id), event: deepFreeze(toEvent(row)) }));
}

/**
 * Events are shared: one read answers all of a user's streams in this process (shared-read.ts),
 * and the SSE path serializes a frozen value once for every stream it goes to
 * (apps/server's trpc-sse-calls.ts). Frozen, no stream can change what the others send.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

function toEvent(row: {
  op: string;
  entity: string;
  entityId: string;
  data: Prisma.JsonValue;
  sessionId: string | null;
}): SyncEvent {
  const entity = row.entity as SyncEntity;
  // Task and tag ids are integers, asset ids uuids: the log keeps both as text.
  const id = entity === 'asset' ? row.entityId : Number(row.entityId);
  const base = { entity, id, sessionId: row.sessionId };
  if (row.op === 'delete') return { op: 'delete', ...base } as SyncEvent;
  const data = superjson.deserialize(row.data as unknown as SuperJSONResult);
  return { op: 'upsert', ...base, data } as SyncEvent;
}

/** Deletes events older than `before`, a bounded batch at a time (short locks); returns how many. */
export async function pruneEvents(prisma: PrismaClient, before: Date, batch = 5000) {
  let total = 0;
  for (;;) {
    const deleted = await prisma.$executeRaw(Prisma.sql`
      DELETE FROM "SyncEvent" WHERE ctid IN (
        SELECT ctid FROM "SyncEvent" WHERE "createdAt" < ${before} LIMIT ${batch})`);
    total += deleted;
    if (deleted < batch) return total;
  }
}
