// Ownership checks inside a write transaction: rows are locked so the check still holds when
// the write lands (no check-then-act race with a concurrent delete or edit).
import { Prisma } from '@repo/db';
import { AppError } from '../../errors';

type Tx = Prisma.TransactionClient;

/**
 * Every id must be one of the caller's tags, else NOT_FOUND (another user's tag looks absent).
 * FOR KEY SHARE keeps them from being deleted until the transaction has linked them.
 */
export async function lockOwnTags(tx: Tx, userId: string, tagIds: readonly number[]) {
  if (tagIds.length === 0) return;
  const rows = await tx.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT id FROM "Tag"
    WHERE "userId" = ${userId}::uuid AND id IN (${Prisma.join(tagIds)})
    FOR KEY SHARE`);
  if (rows.length !== tagIds.length) {
    throw new AppError('NOT_FOUND', 'Tag not found', { field: 'tagIds' });
  }
}
