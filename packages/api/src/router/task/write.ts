// Task writes, each in one transaction scoped to the caller: a NOT_FOUND tag, a stale
// expectedUpdatedAt or any failure leaves nothing written.
import type { Prisma, PrismaClient } from '@repo/db';
import type { TaskCreateInput, TaskUpdateInput } from '@repo/validators';
import { AppError, notFound } from '../../errors';
import { lockOwnTags, lockOwnTask } from './owned';
import { nextOccurrence } from './recurrence';
import { type Task, taskColumns, taskSelect, toTask } from './select';

export interface WriteContext {
  prisma: PrismaClient;
  userId: string;
  now: Date;
}

type Tx = Prisma.TransactionClient;
type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;

const links = (tagIds: readonly number[]) => tagIds.map((tagId) => ({ tagId }));

export async function createTask(ctx: WriteContext, input: TaskCreateInput): Promise<Task> {
  const { tagIds, ...fields } = input;
  const data = { ...fields, userId: ctx.userId, createdAt: ctx.now, updatedAt: ctx.now };
  if (tagIds.length === 0) {
    // Nothing to check or link: one INSERT ... RETURNING, no transaction round trips.
    const row = await ctx.prisma.task.create({ data, select: taskColumns });
    return { ...row, tags: [] };
  }
  return ctx.prisma.$transaction(async (tx) => {
    await lockOwnTags(tx, ctx.userId, tagIds);
    const row = await tx.task.create({
      data: { ...data, tags: { create: links(tagIds) } },
      select: taskSelect,
    });
    return toTask(row);
  });
}

/**
 * updatedAt moves strictly forward on every write, so two writes in one millisecond (or under a
 * clock that stood still) still differ and a stale expectedUpdatedAt is always caught.
 */
const nextUpdatedAt = (previous: Date, now: Date) =>
  new Date(Math.max(now.getTime(), previous.getTime() + 1));

const completion = (completed: boolean, now: Date) => ({
  completed,
  completedAt: completed ? now : null,
});

export function updateTask(ctx: WriteContext, input: TaskUpdateInput): Promise<Task> {
  const { id, expectedUpdatedAt, tagIds, completed, ...fields } = input;
  return ctx.prisma.$transaction(async (tx) => {
    // Locked first: the comparison below and the write see the same version of the row.
    const current = await lockOwnTask(tx, ctx.userId, id);
    if (expectedUpdatedAt && current.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
      throw new AppError('CONFLICT', 'The task was changed since expectedUpdatedAt', {
        field: 'expectedUpdatedAt',
      });
    }
    if (tagIds) await lockOwnTags(tx, ctx.userId, tagIds);
    const completes = completed !== undefined && completed !== current.completed;
    const row = await tx.task.update({
      where: { id },
      data: {
        ...fields,
        ...(completes && completion(completed, ctx.now)),
        updatedAt: nextUpdatedAt(current.updatedAt, ctx.now),
        ...(tagIds && { tags: { deleteMany: {}, create: links(tagIds) } }),
      },
      select: taskSelect,
    });
    if (completes && completed) await createNextOccurrence(tx, ctx, row);
    return toTask(row);
  });
}

export function toggleComplete(ctx: WriteContext, id: number): Promise<Task> {
  return ctx.prisma.$transaction(async (tx) => {
    const current = await lockOwnTask(tx, ctx.userId, id);
    const row = await tx.task.update({
      where: { id },
      data: {
        ...completion(!current.completed, ctx.now),
        updatedAt: nextUpdatedAt(current.updatedAt, ctx.now),
      },
      select: taskSelect,
    });
    if (row.completed) await createNextOccurrence(tx, ctx, row);
    return toTask(row);
  });
}

/**
 * Completing a recurring task creates its next occurrence, in the completing transaction.
 * A task without a due date anchors its rule at the moment it was completed.
 */
async function createNextOccurrence(tx: Tx, ctx: WriteContext, task: TaskRow): Promise<void> {
  if (!task.recurrenceRule) return;
  const next = nextOccurrence(task.recurrenceRule, task.dueDate ?? ctx.now);
  if (!next) return;
  await tx.task.create({
    data: {
      userId: ctx.userId,
      title: task.title,
      description: task.description,
      priority: task.priority,
      dueDate: next.dueDate,
      recurrenceRule: next.recurrenceRule,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      tags: { create: links(task.tags.map((link) => link.tag.id)) },
    },
    select: { id: true },
  });
}

export async function deleteTask(ctx: Omit<WriteContext, 'now'>, id: number) {
  // One statement; the database removes the task's tag links with it (ON DELETE CASCADE).
  const { count } = await ctx.prisma.task.deleteMany({ where: { id, userId: ctx.userId } });
  if (count === 0) throw notFound('Task');
  return { id };
}
