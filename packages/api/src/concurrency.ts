// The one optimistic-concurrency rule for every entity with an updatedAt (tasks, assets): the
// writer locks the row (SELECT ... FOR UPDATE), compares expectedUpdatedAt with what it locked,
// and moves updatedAt strictly forward. Concurrent writers queue on the lock instead of retrying,
// so without a version every write lands (last wins), and with one exactly the stale ones fail.
import { Prisma } from '@repo/db';
import { AppError, notFound } from './errors';

type Tx = Prisma.TransactionClient;

/** Tables whose rows carry updatedAt and an owner column; a closed set, so SQL names are safe. */
const versioned = {
  Task: { label: 'task', owner: 'userId' },
  Asset: { label: 'asset', owner: 'ownerId' },
} as const;

export interface LockedVersion {
  updatedAt: Date;
  completed?: boolean;
}

/**
 * Locks the caller's row for this transaction and checks its version; NOT_FOUND when it is not
 * the caller's, CONFLICT (field expectedUpdatedAt) when it changed since `expected`.
 */
export async function lockVersion<T extends keyof typeof versioned>(
  tx: Tx,
  table: T,
  where: { id: number | string; ownerId: string; expected?: Date | undefined },
  extraColumns: readonly 'completed'[] = [],
): Promise<LockedVersion> {
  const { label, owner } = versioned[table];
  const columns = ['"updatedAt"', ...extraColumns].join(', ');
  const idCast = table === 'Asset' ? Prisma.sql`${where.id}::uuid` : Prisma.sql`${where.id}`;
  const [row] = await tx.$queryRaw<LockedVersion[]>(Prisma.sql`
    SELECT ${Prisma.raw(columns)} FROM ${Prisma.raw(`"${table}"`)}
    WHERE id = ${idCast} AND ${Prisma.raw(`"${owner}"`)} = ${where.ownerId}::uuid
    FOR UPDATE`);
  if (!row) throw notFound(label === 'task' ? 'Task' : 'Asset');
  if (where.expected && row.updatedAt.getTime() !== where.expected.getTime()) {
    throw versionConflict(label);
  }
  return row;
}

/** A write whose expectedUpdatedAt is not the row's version: nothing was written. */
export const versionConflict = (label: string) =>
  new AppError('CONFLICT', `The ${label} was changed since expectedUpdatedAt`, {
    field: 'expectedUpdatedAt',
  });

/**
 * updatedAt moves strictly forward on every write, so two writes in one millisecond (or under a
 * clock that stood still) still differ and a stale expectedUpdatedAt is always caught.
 */
export const nextUpdatedAt = (previous: Date, now: Date) =>
  new Date(Math.max(now.getTime(), previous.getTime() + 1));
