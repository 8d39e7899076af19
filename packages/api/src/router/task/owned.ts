// Ownership checks inside a write transaction: rows are locked so the check still holds when
// the write lands (no check-then-act race with a concurrent delete or edit).
import { Prisma } from '@repo/db';
import { AppError } from '../../errors';
import type { Tag } from '../tag/select';

type Tx = Prisma.TransactionClient;

/**
 * Every id must be one of the caller's tags, else NOT_FOUND (another user's tag looks absent).
 * Returns them as tasks embed them (name order, like taskSelect), so the write need not read its
 * task back to learn its tags. FOR SHARE keeps them from being deleted until the transaction
 * has linked them, and makes a tag edit in flight (a recolor; FOR KEY SHARE would let it pass)
 * commit first, so the task's result and sync event carry the tag as it is, not as it was.
 */
export async function lockOwnTags(tx: Tx, userId: string, tagIds: readonly number[]) {
  if (tagIds.length === 0) return [];
  const rows = await tx.$queryRaw<Tag[]>(Prisma.sql`
    SELECT id, name, color, "createdAt" FROM "Tag"
    WHERE "userId" = ${userId}::uuid AND id IN (${Prisma.join(tagIds)})
    ORDER BY "nameKey"
    FOR SHARE`);
  if (rows.length !== tagIds.length) {
    throw new AppError('NOT_FOUND', 'Tag not found', { field: 'tagIds' });
  }
  return rows;
}
