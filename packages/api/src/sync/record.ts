// Writes that emit live-sync events: the change and its events commit in one transaction (an
// event exists if and only if its change committed), and so does the bus message that wakes the
// streams: it is delivered when the change commits, even if this process dies right after.
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
  const { result, afterCommit } = await ctx.prisma.$transaction(async (tx) => {
    const { result, changes } = await work(tx);
    if (changes.length === 0) return { result, afterCommit: null };
    // Last, so the user's cursor lock is held only from this statement to COMMIT.
    const { notifyChannel } = ctx.syncBus;
    const lastEventId = await appendChanges(tx, ctx.actor, changes, notifyChannel);
    if (notifyChannel !== null) return { result, afterCommit: null };
    const message = { type: 'events', userId: ctx.actor.userId, lastEventId } as const;
    return { result, afterCommit: await ctx.syncBus.publishInTransaction(tx, message) };
  });
  afterCommit?.();
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

/**
 * For a write that appended its events in its own one statement (appendTo with appendedOutput,
 * no interactive transaction): a bus without a channel (PGlite's, one process) is told now that
 * the statement has committed; a PostgreSQL bus had its NOTIFY queued in the statement.
 */
export async function announceAppended(ctx: RecordingContext, lastEventId: string): Promise<void> {
  const { syncBus, actor } = ctx;
  if (syncBus.notifyChannel === null)
    await syncBus.publish({ type: 'events', userId: actor.userId, lastEventId });
}
