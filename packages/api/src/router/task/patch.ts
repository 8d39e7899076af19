// A task edit that touches only the task's own fields (no tagIds, no completed) is ONE statement,
// outside any interactive transaction: the UPDATE locks the row, checks expectedUpdatedAt and
// moves updatedAt strictly forward itself (what lockVersion and nextUpdatedAt do in two steps),
// the same statement reads the task's tags, and appends the task's live-sync event (its data
// built in SQL, in superjson's form, from the updated row), all committed together or not at all
// (the wake-up is announced after the commit, record.ts). The general path (write.ts) reads the row first because it must:
// completing may create the next occurrence, new tags must be locked. One statement instead of
// BEGIN, the UPDATE, the append and COMMIT: each costs the server Prisma's per-call CPU and a
// round trip to PostgreSQL (bench `--only=sync`, whose writes are exactly this edit).
import { Prisma } from '@repo/db';
import type { TaskUpdateInput } from '@repo/validators';
import { versionConflict } from '../../concurrency';
import { notFound } from '../../errors';
import { appendTo, appendedOutput } from '../../sync/append';
import { type RecordingContext, announceAppended, runStatement } from '../../sync/record';
import { type TagJson, tagsJsonOf, withTags } from './page-tags';
import { type Task, taskColumns } from './select';

// The client itself is one: the follow-up read needs no transaction.
type Tx = Prisma.TransactionClient;

export type FieldPatch = Pick<
  TaskUpdateInput,
  'title' | 'description' | 'priority' | 'dueDate' | 'recurrenceRule'
>;

// A closed set of column names, so the SQL built from them is safe.
const setters: { [K in keyof FieldPatch]-?: (value: FieldPatch[K]) => Prisma.Sql } = {
  title: (value) => Prisma.sql`"title" = ${value}`,
  description: (value) => Prisma.sql`"description" = ${value}`,
  priority: (value) => Prisma.sql`"priority" = ${value}::"Priority"`,
  dueDate: (value) => Prisma.sql`"dueDate" = ${value}::timestamptz`,
  recurrenceRule: (value) => Prisma.sql`"recurrenceRule" = ${value}`,
};

const returning = Prisma.raw(
  Object.keys(taskColumns)
    .map((column) => `"${column}"`)
    .join(', '),
);

type TaskColumns = Omit<Task, 'tags'>;

/** A timestamptz as Date.toISOString() writes it (the validators keep years in 1900-9999). */
const iso = (column: Prisma.Sql) =>
  Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const tagsOf = Prisma.sql`json_array_elements(tagged."tagsJson") WITH ORDINALITY AS x(tag, n)`;

// The event for the `tagged` row, as superjson.serialize(byId's answer) would log it: the JSON,
// and a Date annotation for each date that is set (the tags' by index, in name order).
const taskEvent = Prisma.sql`(
  SELECT 'upsert'::text AS op, 'task'::text AS entity, tagged.id::text AS "entityId",
    jsonb_build_object(
      'json', jsonb_build_object(
        'id', tagged.id, 'userId', tagged."userId", 'title', tagged.title,
        'description', tagged.description, 'completed', tagged.completed,
        'completedAt', ${iso(Prisma.sql`tagged."completedAt"`)}, 'priority', tagged.priority,
        'dueDate', ${iso(Prisma.sql`tagged."dueDate"`)}, 'recurrenceRule', tagged."recurrenceRule",
        'createdAt', ${iso(Prisma.sql`tagged."createdAt"`)},
        'updatedAt', ${iso(Prisma.sql`tagged."updatedAt"`)},
        'tags', (SELECT COALESCE(jsonb_agg(jsonb_build_object(
            'id', x.tag->0, 'name', x.tag->1, 'color', x.tag->2,
            'createdAt', ${iso(Prisma.sql`(x.tag->>3)::timestamptz`)}) ORDER BY x.n),
          '[]'::jsonb) FROM ${tagsOf})),
      'meta', jsonb_build_object('v', 1, 'values', (
        SELECT jsonb_object_agg(dates.path, '["Date"]'::jsonb) FROM (
          SELECT 'createdAt' AS path UNION ALL SELECT 'updatedAt'
          UNION ALL SELECT 'completedAt' WHERE tagged."completedAt" IS NOT NULL
          UNION ALL SELECT 'dueDate' WHERE tagged."dueDate" IS NOT NULL
          UNION ALL SELECT 'tags.' || (x.n - 1) || '.createdAt' FROM ${tagsOf}) AS dates))
    ) AS data,
    1::bigint AS n
  FROM tagged) AS e`;

/** The patched task, or NOT_FOUND / CONFLICT (nothing written) as lockVersion answers them. */
export async function patchTaskFields(
  ctx: RecordingContext & { now: Date },
  where: { id: number; userId: string; expected?: Date | undefined },
  patch: FieldPatch,
): Promise<Task> {
  const { prisma, now } = ctx;
  const sets = (Object.keys(setters) as (keyof FieldPatch)[])
    .filter((field) => patch[field] !== undefined)
    .map((field) => (setters[field] as (value: unknown) => Prisma.Sql)(patch[field]));
  const version = where.expected
    ? Prisma.sql`AND "updatedAt" = ${where.expected}::timestamptz`
    : Prisma.empty;
  // Tags in name order, as taskSelect reads them.
  type Row = TaskColumns & { tagsJson: TagJson[]; lastEventId: string };
  const [row] = await runStatement<Row>(
    ctx,
    Prisma.sql`
    WITH updated AS (
      UPDATE "Task" SET ${Prisma.join(
        [
          ...sets,
          Prisma.sql`"updatedAt" = GREATEST(${now}::timestamptz, "updatedAt" + interval '1 millisecond')`,
        ],
        ', ',
      )}
      WHERE id = ${where.id} AND "userId" = ${where.userId}::uuid ${version}
      RETURNING ${returning}
    ), tagged AS (
      SELECT updated.*, ${Prisma.raw(tagsJsonOf('updated'))}
      FROM updated
    ), ${appendTo(ctx.actor, 1, taskEvent, Prisma.sql`updated`)}
    SELECT tagged.*, ${appendedOutput} FROM tagged, cursor`,
  );
  if (!row) throw await whyNotWritten(prisma, where);
  const { lastEventId, ...task } = row;
  announceAppended(ctx, lastEventId);
  return withTags(task);
}

/** Nothing matched: not the caller's task, or (with a version) a newer one. */
async function whyNotWritten(tx: Tx, where: { id: number; userId: string }) {
  const exists = await tx.task.findFirst({
    where: { id: where.id, userId: where.userId },
    select: { id: true },
  });
  return exists ? versionConflict('task') : notFound('Task');
}
