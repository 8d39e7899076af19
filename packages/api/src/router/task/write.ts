// Task writes, each in one transaction scoped to the caller: a NOT_FOUND tag, a stale
// expectedUpdatedAt or any failure leaves nothing written.
// Every write also records its live-sync events in the same transaction (sync/record.ts).
import { Prisma } from '@repo/db';
import type { Tag } from '../tag/select';
import type { TaskCreateInput, TaskUpdateInput } from '@repo/validators';
import { lockVersion, nextUpdatedAt } from '../../concurrency';
import { notFound } from '../../errors';
import type { SyncChange } from '../../sync/append';
import { type RecordingContext, recordWrite } from '../../sync/record';
import { type CompletionPlan, nextFor, readBasis, withCompletionPlan } from './completion-plan';
import { insertUntaggedTask } from './insert-task';
import { lockOwnTags } from './owned';
import { patchTaskFields } from './patch';
import type { Occurrence } from './recurrence';
import { type Task, taskColumns, taskSelect, toTask } from './select';

export interface WriteContext extends RecordingContext {
  userId: string;
  now: Date;
}

type Tx = Prisma.TransactionClient;

// A task's row and its links are written as separate statements, not as Prisma nested writes:
// a nested write makes Prisma read the task back (one more SELECT), and replacing links through
// one (deleteMany + create) first SELECTs the old links. The row's RETURNING and the tags already
// in hand (locked, or the completed task's) are the whole task, exactly as byId answers it.
// The links are one raw INSERT: Prisma's createMany measured 0.4-0.6 ms more CPU per call.
async function linkTags(tx: Tx, taskId: number, tags: readonly Tag[]) {
  if (tags.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "TaskTag" ("taskId", "tagId")
    SELECT ${taskId}, unnest(${tags.map((tag) => tag.id)}::int[])`);
}

export async function createTask(ctx: WriteContext, input: TaskCreateInput): Promise<Task> {
  const { tagIds, ...fields } = input;
  if (tagIds.length === 0) return insertUntaggedTask(ctx, fields);
  const data = { ...fields, userId: ctx.userId, createdAt: ctx.now, updatedAt: ctx.now };
  return recordWrite(ctx, async (tx) => {
    const tags = await lockOwnTags(tx, ctx.userId, tagIds);
    const row = await tx.task.create({ data, select: taskColumns });
    await linkTags(tx, row.id, tags);
    return upserted({ ...row, tags });
  });
}

const upsertOf = (task: Task): SyncChange => ({
  op: 'upsert',
  entity: 'task',
  id: task.id,
  data: task,
});

/** The written task, and its event followed by those of tasks the write created. */
const upserted = (task: Task, created: readonly Task[] = []) => ({
  result: task,
  changes: [upsertOf(task), ...created.map(upsertOf)],
});

const completion = (completed: boolean, now: Date) => ({
  completed,
  completedAt: completed ? now : null,
});

export async function updateTask(ctx: WriteContext, input: TaskUpdateInput): Promise<Task> {
  const { id, expectedUpdatedAt, tagIds, completed, ...fields } = input;
  if (tagIds === undefined && completed === undefined) {
    const where = { id, userId: ctx.userId, expected: expectedUpdatedAt };
    return patchTaskFields(ctx, where, fields);
  }
  // Only a write that may complete the task needs its next occurrence, planned from the row as
  // it will be after this patch.
  const current = completed ? await readBasis(ctx.prisma, ctx.userId, id) : null;
  const basis = current && {
    recurrenceRule:
      fields.recurrenceRule === undefined ? current.recurrenceRule : fields.recurrenceRule,
    dueDate: fields.dueDate === undefined ? current.dueDate : fields.dueDate,
  };
  return withCompletionPlan(basis, ctx.now, (plan) =>
    recordWrite(ctx, async (tx) => {
      // Locked first: the comparison and the write see the same version of the row.
      const locked = await lockVersion(
        tx,
        'Task',
        { id, ownerId: ctx.userId, expected: expectedUpdatedAt },
        ['completed'],
      );
      const tags = tagIds && (await lockOwnTags(tx, ctx.userId, tagIds));
      const completes = completed !== undefined && completed !== locked.completed;
      const data = {
        ...fields,
        ...(completes && completion(completed, ctx.now)),
        updatedAt: nextUpdatedAt(locked.updatedAt, ctx.now),
      };
      const task = tags
        ? await replaceTags(tx, id, data, tags)
        : toTask(await tx.task.update({ where: { id }, data, select: taskSelect }));
      const next = completes && completed ? await createNext(tx, ctx, task, plan) : null;
      return upserted(task, next ? [next] : []);
    }),
  );
}

/** The task's new tags are the ones just locked; its kept tags would have to be read. */
async function replaceTags(
  tx: Tx,
  id: number,
  data: Prisma.TaskUpdateInput,
  tags: Tag[],
): Promise<Task> {
  const row = await tx.task.update({ where: { id }, data, select: taskColumns });
  await tx.taskTag.deleteMany({ where: { taskId: id } });
  await linkTags(tx, id, tags);
  return { ...row, tags };
}

export async function toggleComplete(ctx: WriteContext, id: number): Promise<Task> {
  const basis = await readBasis(ctx.prisma, ctx.userId, id);
  return withCompletionPlan(basis, ctx.now, (plan) =>
    recordWrite(ctx, async (tx) => {
      const current = await lockVersion(tx, 'Task', { id, ownerId: ctx.userId }, ['completed']);
      const row = await tx.task.update({
        where: { id },
        data: {
          ...completion(!current.completed, ctx.now),
          updatedAt: nextUpdatedAt(current.updatedAt, ctx.now),
        },
        select: taskSelect,
      });
      const task = toTask(row);
      const next = task.completed ? await createNext(tx, ctx, task, plan) : null;
      return upserted(task, next ? [next] : []);
    }),
  );
}

/**
 * Completing a recurring task creates its next occurrence, in the completing transaction, from
 * the plan made before it opened (completion-plan.ts).
 */
async function createNext(
  tx: Tx,
  ctx: WriteContext,
  task: Task,
  plan: CompletionPlan | null,
): Promise<Task | null> {
  const next = nextFor(plan, task);
  return next ? insertOccurrence(tx, ctx, task, next) : null;
}

/** The next task has the completed one's tags, so its INSERT's RETURNING row is the whole task. */
async function insertOccurrence(
  tx: Tx,
  ctx: WriteContext,
  task: Task,
  next: Occurrence,
): Promise<Task> {
  const row = await tx.task.create({
    data: {
      userId: ctx.userId,
      title: task.title,
      description: task.description,
      priority: task.priority,
      dueDate: next.dueDate,
      recurrenceRule: next.recurrenceRule,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
    select: taskColumns,
  });
  await linkTags(tx, row.id, task.tags);
  return { ...row, tags: task.tags };
}

export function deleteTask(ctx: Omit<WriteContext, 'now'>, id: number) {
  return recordWrite(ctx, async (tx) => {
    // The database removes the task's tag links with it (ON DELETE CASCADE).
    const { count } = await tx.task.deleteMany({ where: { id, userId: ctx.userId } });
    if (count === 0) throw notFound('Task');
    return { result: { id }, changes: [{ op: 'delete', entity: 'task', id }] };
  });
}
