// Appending to the live-sync event log, in the writing transaction, as ONE statement: it advances
// the user's SyncCursor row (whose lock it holds until commit, so a second writer gets the next
// ids only after the first has committed or rolled back, and a reader that has seen id N can never
// later miss an id < N), inserts the events numbered from the cursor's RETURNING, and, on a
// PostgreSQL bus, queues the wake-up NOTIFY, which PostgreSQL delivers at commit only. One round
// trip instead of three or four matters twice: Prisma's per-statement CPU, and the cursor lock,
// held from this statement to COMMIT, which serialises each user's writers.
import superjson, { type SuperJSONResult } from 'superjson';
import { Prisma } from '@repo/db';
import type { SyncEntity } from '@repo/validators';

/** A change to record: an entity as byId answers it, or its deletion. */
export type SyncChange =
  | { op: 'upsert'; entity: SyncEntity; id: number | string; data: object }
  | { op: 'delete'; entity: SyncEntity; id: number | string };

export interface SyncActor {
  userId: string;
  /** The session that made the change (its token's sid); null without one. */
  sessionId: string | null;
}

/** One row of the statement's jsonb_to_recordset input; `data` absent reads as SQL NULL. */
interface EventRow {
  op: string;
  entity: string;
  entityId: string;
  data?: { json: unknown; meta?: unknown };
}

const toRow = (change: SyncChange): EventRow => {
  const base = { op: change.op, entity: change.entity, entityId: String(change.id) };
  if (change.op === 'delete') return base;
  const { json, meta }: SuperJSONResult = superjson.serialize(change.data);
  return { ...base, data: meta ? { json, meta } : { json } };
};

// The events get ids last - count + 1 .. last, in the order given (WITH ORDINALITY).
const advanceAndInsert = (actor: SyncActor, rows: readonly EventRow[]) => Prisma.sql`
  WITH cursor AS (
    INSERT INTO "SyncCursor" ("userId", "lastEventId")
    VALUES (${actor.userId}::uuid, ${rows.length}::bigint)
    ON CONFLICT ("userId") DO UPDATE
      SET "lastEventId" = "SyncCursor"."lastEventId" + EXCLUDED."lastEventId"
    RETURNING "userId", "lastEventId"
  ), appended AS (
    INSERT INTO "SyncEvent" ("userId", "id", "op", "entity", "entityId", "data", "sessionId")
    SELECT cursor."userId", cursor."lastEventId" - ${rows.length}::bigint + e.n,
      e.op, e.entity, e."entityId", e.data, ${actor.sessionId}::uuid
    FROM cursor, ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS (op text, entity text, "entityId" text, data jsonb))
      WITH ORDINALITY AS e(op, entity, "entityId", data, n)
  )`;

/**
 * Appends `changes` to the actor's log inside `tx`; returns the last id given (as a string). With
 * `notifyChannel`, the same statement also queues `{ type: 'events', userId, lastEventId }` (the
 * bus's events message, as JSON) on that PostgreSQL channel, so nothing is left to publish.
 */
export async function appendChanges(
  tx: Prisma.TransactionClient,
  actor: SyncActor,
  changes: readonly SyncChange[],
  notifyChannel: string | null = null,
): Promise<string> {
  const appended = advanceAndInsert(actor, changes.map(toRow));
  // A data-modifying CTE runs whether or not the outer SELECT reads it; pg_notify (void) is cast
  // to text so the driver can read the column.
  const [row] = await tx.$queryRaw<{ lastEventId: string }[]>(
    notifyChannel === null
      ? Prisma.sql`${appended} SELECT "lastEventId"::text AS "lastEventId" FROM cursor`
      : Prisma.sql`${appended}
        SELECT "lastEventId"::text AS "lastEventId",
          pg_notify(${notifyChannel}, json_build_object('type', 'events', 'userId', "userId",
            'lastEventId', "lastEventId"::text)::text)::text AS "queued"
        FROM cursor`,
  );
  return row!.lastEventId;
}
