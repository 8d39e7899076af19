// A task created without tags is ONE statement, outside any interactive transaction: the INSERT,
// its live-sync event and (on PostgreSQL's bus) the wake-up NOTIFY are CTEs of one statement,
// which commits or fails as a whole, so the event exists if and only if the task does. Every
// value but the id is known before the INSERT (each column is written explicitly, no database
// default), so the event's data is the task as byId answers it, serialized here with id 0, and
// the statement sets the id it got. The general path (write.ts) costs BEGIN, INSERT, the append
// and COMMIT, each a round trip and Prisma's per-call CPU, inside Prisma's transaction manager;
// this one is a prepared statement on the pool.
import { Prisma } from '@repo/db';
import type { TaskCreateInput } from '@repo/validators';
import { appendTo, appendedOutput, loggedData } from '../../sync/append';
import { type RecordingContext, announceAppended, runStatement } from '../../sync/record';
import { type Task, taskColumns } from './select';

type TaskColumns = Omit<Task, 'tags'>;

const returning = Prisma.raw(
  Object.keys(taskColumns)
    .map((column) => `"${column}"`)
    .join(', '),
);

/** The untagged task as created, its event recorded in the same statement, then announced. */
export async function insertUntaggedTask(
  ctx: RecordingContext & { userId: string; now: Date },
  fields: Omit<TaskCreateInput, 'tagIds'>,
): Promise<Task> {
  const { actor } = ctx;
  // In taskColumns' order: what byId answers for the new row, but its id.
  const task: Task = {
    id: 0,
    userId: ctx.userId,
    title: fields.title,
    description: fields.description ?? null,
    completed: false,
    completedAt: null,
    priority: fields.priority,
    dueDate: fields.dueDate ?? null,
    recurrenceRule: fields.recurrenceRule ?? null,
    createdAt: ctx.now,
    // Its own Date: to superjson one object reached twice is a referential equality, which
    // loggedData's fast path hands back to superjson's general one.
    updatedAt: new Date(ctx.now),
    tags: [],
  };
  const event = Prisma.sql`(
    SELECT 'upsert'::text AS op, 'task'::text AS entity, created.id::text AS "entityId",
      jsonb_set(${JSON.stringify(loggedData(task))}::jsonb, '{json,id}', to_jsonb(created.id))
        AS data,
      1::bigint AS n
    FROM created) AS e`;
  type Row = TaskColumns & { lastEventId: string };
  const [row] = await runStatement<Row>(
    ctx,
    Prisma.sql`
    WITH created AS (
      INSERT INTO "Task" ("userId", "title", "description", "completed", "completedAt",
        "priority", "dueDate", "recurrenceRule", "createdAt", "updatedAt")
      VALUES (${task.userId}::uuid, ${task.title}, ${task.description}, false, NULL,
        ${task.priority}::"Priority", ${task.dueDate}::timestamptz, ${task.recurrenceRule},
        ${task.createdAt}::timestamptz, ${task.updatedAt}::timestamptz)
      RETURNING ${returning}
    ), ${appendTo(actor, 1, event)}
    SELECT created.*, ${appendedOutput} FROM created, cursor`,
  );
  const { lastEventId, ...columns } = row!;
  announceAppended(ctx, lastEventId);
  return { ...columns, tags: [] };
}
