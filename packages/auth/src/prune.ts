// Sessions and refresh tokens that can never be used again are deleted, so the tables hold what
// is live plus a day: an expired or revoked session (its tokens go with it, ON DELETE CASCADE),
// and an expired token of a live session (rotated out: kept until it expires, since presenting
// a used token is how reuse is detected). Deleted in batches, so no statement holds many locks.
import type { Prisma } from '@repo/db';

/** How long an ended session is kept after it ended (for "signed out" answers and forensics). */
export const PRUNE_AFTER_MS = 24 * 3600 * 1000;
const BATCH = 1000;

export interface PruneResult {
  sessions: number;
  refreshTokens: number;
}

export async function pruneSessions(
  prisma: Prisma.TransactionClient,
  now = new Date(),
): Promise<PruneResult> {
  const before = new Date(now.getTime() - PRUNE_AFTER_MS);
  const result: PruneResult = { sessions: 0, refreshTokens: 0 };
  for (;;) {
    const n = await prisma.$executeRaw`
      DELETE FROM "Session" WHERE id IN (
        SELECT id FROM "Session" WHERE "expiresAt" < ${before} OR "revokedAt" < ${before}
        LIMIT ${BATCH})`;
    result.sessions += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await prisma.$executeRaw`
      DELETE FROM "RefreshToken" WHERE id IN (
        SELECT id FROM "RefreshToken" WHERE "expiresAt" < ${before} LIMIT ${BATCH})`;
    result.refreshTokens += n;
    if (n < BATCH) break;
  }
  return result;
}
