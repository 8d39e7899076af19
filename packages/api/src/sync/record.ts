// Writes that emit live-sync events: the change and its events commit in one transaction (an
// event exists if and only if its change committed); once it has, the writer announces the
// wake-up on the bus. A process that dies between the two leaves the wake-up to the bus's sweep
// (apps/server's pg-bus.ts): the events are in the log either way.
import type { Database, PrismaClient, Prisma } from '@repo/db';
import type { SyncBus } from './bus';
import { type SyncActor, type SyncChange, appendChanges } from './append';

export interface RecordingContext {
  prisma: PrismaClient;
  /** For the writes that are one statement (insert-task.ts, patch.ts), sent as prepared SQL. */
  db: Pick<Database, 'query'>;
  syncBus: SyncBus;
  actor: SyncActor;
}

export interface Recorded<T> {
  result: T;
  changes: readonly SyncChange[];
}

export async function recordWrite<T>(
  ctx: RecordingContext,
  work: (tx: Prisma.TransactionClient) => Promise<Recorded<T>>,
): Promise<T> {
  const { result, lastEventId } = await ctx.prisma.$transaction(async (tx) => {
    const { result, changes } = await work(tx);
    if (changes.length === 0) return { result, lastEventId: null };
    // Last, so the user's cursor lock is held only from this statement to COMMIT.
    return { result, lastEventId: await appendChanges(tx, ctx.actor, changes) };
  });
  if (lastEventId !== null) announceAppended(ctx, lastEventId);
  return result;
}

/** The recording context of a protected procedure's caller. */
export const recording = (ctx: {
  prisma: PrismaClient;
  db: Pick<Database, 'query'>;
  services: { syncBus: SyncBus };
  user: { id: string };
  sessionId: string | null;
}): RecordingContext => ({
  prisma: ctx.prisma,
  db: ctx.db,
  syncBus: ctx.services.syncBus,
  actor: { userId: ctx.user.id, sessionId: ctx.sessionId },
});

/**
 * Runs a one-statement write built with Prisma.sql as a prepared statement through the Database,
 * not Prisma's raw query, whose per-call CPU was most of an untagged task.create's.
 */
export const runStatement = <Row>(ctx: RecordingContext, statement: Prisma.Sql) =>
  ctx.db.query<Row>(statement.text, statement.values);

/** Wakes the actor's streams everywhere about events up to `lastEventId`, which has committed. */
export function announceAppended(ctx: RecordingContext, lastEventId: string): void {
  ctx.syncBus.announce({ type: 'events', userId: ctx.actor.userId, lastEventId });
}
