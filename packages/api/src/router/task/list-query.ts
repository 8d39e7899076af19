// task.list: filters become one Prisma where clause scoped to the caller; paging is paginate()'s.
import type { Prisma, PrismaClient } from '@repo/db';
import { type TaskListInput, type TaskSort, taskPriorities } from '@repo/validators';
import { AppError } from '../../errors';
import { containsLiteral } from '../../like-pattern';
import { type Page, type SortKey, paginate } from '../../pagination';
import { attachTags, taskWithTagIds } from './page-tags';
import type { Task } from './select';

// Each backed by a (userId, <field>, id) index and its (userId, completed, <field>, id) twin.
const sortKeys: Record<TaskSort, SortKey> = {
  createdAt: { name: 'createdAt', field: 'createdAt', kind: 'date', nullable: false },
  dueDate: { name: 'dueDate', field: 'dueDate', kind: 'date', nullable: true },
  // The Priority enum is declared low, medium, high: ascending is low first.
  priority: {
    name: 'priority',
    field: 'priority',
    kind: 'enum',
    nullable: false,
    enumValues: taskPriorities,
  },
  title: { name: 'title', field: 'title', kind: 'string', nullable: false },
};

function filters(userId: string, input: TaskListInput): Prisma.TaskWhereInput[] {
  const and: Prisma.TaskWhereInput[] = [{ userId }];
  if (input.status !== 'all') and.push({ completed: input.status === 'completed' });
  if (input.priority?.length) and.push({ priority: { in: input.priority } });
  for (const tagId of input.tagIds ?? []) and.push({ tags: { some: { tagId } } });
  if (input.dueBefore || input.dueAfter) {
    and.push({ dueDate: { lt: input.dueBefore, gte: input.dueAfter } });
  }
  if (input.q)
    and.push({
      OR: [{ title: containsLiteral(input.q) }, { description: containsLiteral(input.q) }],
    });
  return and;
}

export interface ListContext {
  prisma: PrismaClient;
  userId: string;
  cursorKey: Uint8Array;
}

export async function listTasks(ctx: ListContext, input: TaskListInput): Promise<Page<Task>> {
  if (input.tagIds?.length) {
    // Filtering by another user's tag answers NOT_FOUND, as every use of a foreign id does.
    const own = await ctx.prisma.tag.count({
      where: { userId: ctx.userId, id: { in: input.tagIds } },
    });
    if (own !== input.tagIds.length) {
      throw new AppError('NOT_FOUND', 'Tag not found', { field: 'tagIds' });
    }
  }
  const page = await paginate(
    {
      ...input,
      sort: sortKeys[input.sort],
      cursorKey: ctx.cursorKey,
      idKind: 'int',
      scope: filters(ctx.userId, input),
    },
    (segment) => ctx.prisma.task.findMany({ ...segment, select: taskWithTagIds }),
  );
  return {
    items: await attachTags(ctx.prisma, ctx.userId, page.items),
    nextCursor: page.nextCursor,
  };
}
