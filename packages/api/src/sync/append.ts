// Appending to the live-sync event log, in the writing transaction, as ONE statement: it advances
// the user's SyncCursor row (whose lock it holds until commit, so a second writer gets the next
// ids only after the first has committed or rolled back, and a reader that has seen id N can never
// later miss an id < N) and inserts the events numbered from the cursor's RETURNING. One round
// trip instead of three matters twice: Prisma's per-statement CPU, and the cursor lock, held from
// this statement to COMMIT, which serialises each user's writers. The wake-up is the writer's to
// announce once it has committed (bus.ts says why not in the transaction).
import type { SuperJSONResult } from 'superjson';
import { Prisma } from '@repo/db';
import type { SyncEntity } from '@repo/validators';
import { serializeOutput } from '../transformer';

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
  return change.op === 'delete' ? base : { ...base, data: loggedData(change.data) };
};

/** The given rows as the `e(op, entity, "entityId", data, n)` that appendTo reads, n = 1, 2, ... */
const givenRows = (rows: readonly EventRow[]) => Prisma.sql`
  ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS (op text, entity text, "entityId" text, data jsonb))
    WITH ORDINALITY AS e(op, entity, "entityId", data, n)`;

/**
 * The CTEs `cursor` and `appended`: `count` events from `source` (a FROM item named e with
 * columns op, entity, "entityId", data and n = 1..count) get ids last - count + 1 .. last.
 * A statement may build `source` from an earlier CTE of its own (insert-task.ts).
 */
export const appendTo = (
  actor: SyncActor,
  count: number,
  source: Prisma.Sql,
  /** A CTE of the statement: with no row in it, nothing is appended and the cursor stays. */
  onlyIfAny: Prisma.Sql | null = null,
) => Prisma.sql`
  cursor AS (
    INSERT INTO "SyncCursor" ("userId", "lastEventId")
    ${
      onlyIfAny === null
        ? Prisma.sql`VALUES (${actor.userId}::uuid, ${count}::bigint)`
        : Prisma.sql`SELECT ${actor.userId}::uuid, ${count}::bigint WHERE EXISTS (SELECT FROM ${onlyIfAny})`
    }
    ON CONFLICT ("userId") DO UPDATE
      SET "lastEventId" = "SyncCursor"."lastEventId" + EXCLUDED."lastEventId"
    RETURNING "userId", "lastEventId"
  ), appended AS (
    INSERT INTO "SyncEvent" ("userId", "id", "op", "entity", "entityId", "data", "sessionId")
    SELECT cursor."userId", cursor."lastEventId" - ${count}::bigint + e.n,
      e.op, e.entity, e."entityId", e.data, ${actor.sessionId}::uuid
    FROM cursor, ${source}
  )`;

/** The output column for a statement with appendTo's CTEs: the last id given, as text. */
export const appendedOutput = Prisma.sql`cursor."lastEventId"::text AS "lastEventId"`;

/**
 * superjson's form of an upsert's data, as the log keeps it: serializeOutput gives superjson's
 * exact result (transformer.ts), for a task in 1.7 against 10 µs.
 */
export const loggedData = (data: object): EventRow['data'] => {
  const { json, meta }: SuperJSONResult = serializeOutput(data);
  return meta ? { json, meta } : { json };
};

/** Appends `changes` to the actor's log inside `tx`; returns the last id given (as a string). */
export async function appendChanges(
  tx: Prisma.TransactionClient,
  actor: SyncActor,
  changes: readonly SyncChange[],
): Promise<string> {
  const rows = changes.map(toRow);
  const [row] = await tx.$queryRaw<{ lastEventId: string }[]>(Prisma.sql`
    WITH ${appendTo(actor, rows.length, givenRows(rows))}
    SELECT ${appendedOutput} FROM cursor`);
  return row!.lastEventId;
}
