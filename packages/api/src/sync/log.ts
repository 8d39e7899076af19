// The live-sync event log: appended in the writing transaction, read by streams for replay.
// Ids are per user and gap-free in commit order: a writer advances the user's SyncCursor row,
// whose lock it holds until commit, so a second writer gets the next id only after the first
// has committed (or rolled back), and a reader that has seen id N can never later miss an id < N.
import superjson, { type SuperJSONResult } from 'superjson';
import { Prisma } from '@repo/db';
import type { PrismaClient } from '@repo/db';
import type { SyncEntity, SyncEvent } from '@repo/validators';

type Tx = Prisma.TransactionClient;

/** A change to record: an entity as byId answers it, or its deletion. */
export type SyncChange =
  | { op: 'upsert'; entity: SyncEntity; id: number | string; data: object }
  | { op: 'delete'; entity: SyncEntity; id: number | string };

export interface SyncActor {
  userId: string;
  /** The session that made the change (its token's sid); null without one. */
  sessionId: string | null;
}

/**
 * Appends `changes` to the actor's log inside `tx`; returns the last id given (as a string), for
 * the caller to publish once `tx` has committed.
 */
export async function appendChanges(
  tx: Tx,
  actor: SyncActor,
  changes: readonly SyncChange[],
): Promise<string> {
  const count = BigInt(changes.length);
  const [cursor] = await tx.$queryRaw<{ lastEventId: bigint }[]>(Prisma.sql`
    INSERT INTO "SyncCursor" ("userId", "lastEventId") VALUES (${actor.userId}::uuid, ${count})
    ON CONFLICT ("userId") DO UPDATE SET "lastEventId" = "SyncCursor"."lastEventId" + ${count}
    RETURNING "lastEventId"`);
  const last = cursor!.lastEventId;
  await tx.syncEvent.createMany({
    data: changes.map((change, index) => ({
      userId: actor.userId,
      id: last - count + BigInt(index) + 1n,
      op: change.op,
      entity: change.entity,
      entityId: String(change.id),
      data: change.op === 'upsert' ? toJson(superjson.serialize(change.data)) : Prisma.DbNull,
      sessionId: actor.sessionId,
    })),
  });
  return last.toString();
}

const toJson = ({ json, meta }: SuperJSONResult) =>
  (meta ? { json, meta } : { json }) as Prisma.InputJsonObject;

/** The newest id given to the user (0 before their first change). */
export async function headEventId(prisma: PrismaClient, userId: string): Promise<bigint> {
  const row = await prisma.syncCursor.findUnique({
    where: { userId },
    select: { lastEventId: true },
  });
  return row?.lastEventId ?? 0n;
}

/**
 * True when a stream may resume after `id`: it is the head, or the event after it is still in
 * the log (pruning removes the oldest first, so then every later one is there too).
 */
export async function canResumeAfter(prisma: PrismaClient, userId: string, id: bigint) {
  if (id < 0n) return false;
  const [head, successor] = await Promise.all([
    headEventId(prisma, userId),
    prisma.syncEvent.findUnique({
      where: { userId_id: { userId, id: id + 1n } },
      select: { id: true },
    }),
  ]);
  return id === head || (successor !== null && id < head);
}

export interface LoggedEvent {
  id: bigint;
  event: SyncEvent;
}

/** Up to `limit` of the user's events after `after`, in id order. */
export async function readEventsAfter(
  prisma: PrismaClient,
  userId: string,
  after: bigint,
  limit: number,
): Promise<LoggedEvent[]> {
  const rows = await prisma.syncEvent.findMany({
    where: { userId, id: { gt: after } },
    orderBy: { id: 'asc' },
    take: limit,
    select: { id: true, op: true, entity: true, entityId: true, data: true, sessionId: true },
  });
  return rows.map((row) => ({ id: row.id, event: toEvent(row) }));
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
