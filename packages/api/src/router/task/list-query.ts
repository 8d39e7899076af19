// task.list in plain SQL: the caller's filters become WHERE conditions on bound values, paging is
// paginate()'s (sql-segment.ts), a page with its tags is one statement, and each row is mapped
// once (page-tags.ts). Through Prisma's client the same page cost ~3x the server CPU, most of it
// mapping rows, and the list is the apps' hottest read. Every statement is EXPLAINed in task-plan.test.ts: each shape stays on an index.
import type { Database } from '@repo/db';
import { type TaskListInput, type TaskSort, taskPriorities } from '@repo/validators';
import { AppError } from '../../errors';
import { escapeLike } from '../../like-pattern';
import {
  type Page,
  type Segment,
  type SortKey,
  SqlParams,
  paginate,
  sqlSegment,
} from '../../pagination';
import { type TaskRowWithTags, tagsJsonOf, withTags } from './page-tags';
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

// The columns clients see (select.ts's taskColumns), and the task's tags (page-tags.ts).
const COLUMNS = `t.id, t."userId", t.title, t.description, t.completed, t."completedAt",
  t.priority, t."dueDate", t."recurrenceRule", t."createdAt", t."updatedAt", ${tagsJsonOf('t')}`;

/** A PostgreSQL array literal of ids or enum labels (PGlite binds no JS arrays of enums). */
const arrayLiteral = (values: readonly (number | string)[]) => `{${values.join(',')}}`;

/** The caller's filters as conditions on `t`, the owner first. */
function filters(userId: string, input: TaskListInput, params: SqlParams): string[] {
  const where = [`t."userId" = ${params.add(userId)}::uuid`];
  if (input.status !== 'all')
    where.push(`t.completed = ${params.add(input.status === 'completed')}`);
  if (input.priority?.length) {
    where.push(`t.priority = ANY(${params.add(arrayLiteral(input.priority))}::"Priority"[])`);
  }
  if (input.tagIds?.length) {
    // Every one of the tags: as many of the task's links among them as there are tags.
    where.push(`(SELECT count(*) FROM "TaskTag" tt
      WHERE tt."taskId" = t.id AND tt."tagId" = ANY(${params.add(arrayLiteral(input.tagIds))}::int[])
    ) = ${params.add(input.tagIds.length)}`);
  }
  if (input.dueBefore) where.push(`t."dueDate" < ${params.add(input.dueBefore)}`);
  if (input.dueAfter) where.push(`t."dueDate" >= ${params.add(input.dueAfter)}`);
  if (input.q) {
    const pattern = params.add(`%${escapeLike(input.q)}%`);
    where.push(`(t.title ILIKE ${pattern} OR t.description ILIKE ${pattern})`);
  }
  return where;
}

async function readSegment(
  db: Pick<Database, 'query'>,
  userId: string,
  input: TaskListInput,
  segment: Segment,
): Promise<TaskRowWithTags[]> {
  const params = new SqlParams();
  const where = filters(userId, input, params);
  const page = sqlSegment(segment, 't', params);
  // The row type is the select list's (priority is one of the enum's labels); the procedure's
  // output schema checks every row before it leaves.
  return db.query<TaskRowWithTags>(
    `SELECT ${COLUMNS} FROM "Task" t WHERE ${[...where, ...page.where].join(' AND ')}
      ORDER BY ${page.orderBy} LIMIT ${page.limit}`,
    params.values,
  );
}

export interface ListContext {
  db: Pick<Database, 'query'>;
  userId: string;
  cursorKey: Uint8Array;
}

export async function listTasks(ctx: ListContext, input: TaskListInput): Promise<Page<Task>> {
  if (input.tagIds?.length) {
    // Filtering by another user's tag answers NOT_FOUND, as every use of a foreign id does.
    const [own] = await ctx.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "Tag" WHERE "userId" = $1::uuid AND id = ANY($2::int[])`,
      [ctx.userId, arrayLiteral(input.tagIds)],
    );
    if (own?.count !== input.tagIds.length) {
      throw new AppError('NOT_FOUND', 'Tag not found', { field: 'tagIds' });
    }
  }
  const page = await paginate(
    { ...input, sort: sortKeys[input.sort], cursorKey: ctx.cursorKey, idKind: 'int' },
    (segment) => readSegment(ctx.db, ctx.userId, input, segment),
  );
  return { items: page.items.map(withTags), nextCursor: page.nextCursor };
}
