// Writes that emit live-sync events: the change and its events commit in one transaction (an
// event exists if and only if its change committed), and the bus is woken only after commit.
import type { PrismaClient, Prisma } from '@repo/db';
import type { SyncBus } from './bus';
import { type SyncActor, type SyncChange, appendChanges } from './log';

export interface RecordingContext {
  prisma: PrismaClient;
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
    const lastEventId = changes.length > 0 ? await appendChanges(tx, ctx.actor, changes) : null;
    return { result, lastEventId };
  });
  if (lastEventId) {
    await ctx.syncBus.publish({ type: 'events', userId: ctx.actor.userId, lastEventId });
  }
  return result;
}

/** The recording context of a protected procedure's caller. */
export const recording = (ctx: {
  prisma: PrismaClient;
  services: { syncBus: SyncBus };
  user: { id: string };
  sessionId: string | null;
}): RecordingContext => ({
  prisma: ctx.prisma,
  syncBus: ctx.services.syncBus,
  actor: { userId: ctx.user.id, sessionId: ctx.sessionId },
});
