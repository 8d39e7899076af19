// Ownership checks inside a write transaction: rows are locked so the check still holds when
// the write lands (no check-then-act race with a concurrent delete or edit).
import { Prisma } from '@repo/db';
import { AppError, notFound } from '../../errors';

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

export interface LockedTask {
  updatedAt: Date;
  completed: boolean;
}

/** The caller's task, locked for this transaction's write, or NOT_FOUND. */
export async function lockOwnTask(tx: Tx, userId: string, id: number): Promise<LockedTask> {
  const [row] = await tx.$queryRaw<LockedTask[]>(Prisma.sql`
    SELECT "updatedAt", completed FROM "Task"
    WHERE id = ${id} AND "userId" = ${userId}::uuid
    FOR UPDATE`);
  if (!row) throw notFound('Task');
  return row;
}
