// Revoking sessions and waking their live-sync streams in ONE transaction: PostgreSQL queues a
// NOTIFY with the transaction, so the wake-up is delivered if and only if the revocation
// committed, even when this process dies right after the commit (a publish after the commit
// would then be lost, and the revoked session's streams would live on until their token expired).
import type { Prisma, PrismaClient } from '@repo/db';
import type { Services } from '../services';
import type { AfterCommit } from './bus';

type RevocationServices = Pick<Services, 'syncBus' | 'sessionCache'>;

/**
 * Queues, inside `tx`, the message that makes `userId`'s streams recheck their sessions (and
 * every other instance forget its cached sessions); the returned function, called once the
 * transaction committed, makes this instance forget them before it answers.
 */
export async function announceRevocation(
  tx: Prisma.TransactionClient,
  services: RevocationServices,
  userId: string,
): Promise<AfterCommit> {
  const delivered = await services.syncBus.publishInTransaction(tx, { type: 'sessions', userId });
  return () => {
    services.sessionCache?.evictUser(userId);
    delivered?.();
  };
}

/** Runs `revoke` in a transaction that also announces it; a throw rolls both back. */
export async function revokeAnnounced<T>(
  ctx: { prisma: PrismaClient; services: RevocationServices },
  userId: string,
  revoke: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  const { result, afterCommit } = await ctx.prisma.$transaction(async (tx) => {
    const result = await revoke(tx);
    return { result, afterCommit: await announceRevocation(tx, ctx.services, userId) };
  });
  afterCommit();
  return result;
}
