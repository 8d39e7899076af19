// Revoking sessions and waking their live-sync streams in ONE transaction: PostgreSQL queues a
// NOTIFY with the transaction, so the wake-up is delivered if and only if the revocation
// committed, even when this process dies right after the commit (a publish after the commit
// would then be lost, and the revoked session's streams would live on until their token expired).
import type { Prisma, PrismaClient } from '@repo/db';
import type { AfterCommit, SyncBus } from './bus';

/** Queues, inside `tx`, the message that makes `userId`'s streams recheck their sessions. */
export const announceRevocation = (
  tx: Prisma.TransactionClient,
  bus: SyncBus,
  userId: string,
): Promise<AfterCommit | null> => bus.publishInTransaction(tx, { type: 'sessions', userId });

/** Runs `revoke` in a transaction that also announces it; a throw rolls both back. */
export async function revokeAnnounced<T>(
  ctx: { prisma: PrismaClient; services: { syncBus: SyncBus } },
  userId: string,
  revoke: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  const { result, afterCommit } = await ctx.prisma.$transaction(async (tx) => {
    const result = await revoke(tx);
    return { result, afterCommit: await announceRevocation(tx, ctx.services.syncBus, userId) };
  });
  afterCommit?.();
  return result;
}
