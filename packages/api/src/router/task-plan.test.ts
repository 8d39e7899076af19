// Every task.list query shape is index-backed: on PostgreSQL with 10,000 tasks for one user,
// EXPLAIN of each statement the list sends shows no sequential scan of "Task".
import { describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import { taskSorts } from '@repo/validators';
import { encodeCursor } from '../pagination';
import { testCursorKey } from '../testing/caller';
import { type ExplainedQuery, seqScansOn, sortingQueries } from '../testing/explain';
import { usePlanProbe } from '../testing/plan-probe';
import { seedTasks } from '../testing/seed-tasks';

const shapes = taskSorts.flatMap((sort) =>
  (['asc', 'desc'] as const).flatMap((order) =>
    (['all', 'active', 'completed'] as const).flatMap((status) =>
      (['first page', 'cursor page'] as const).map((page) => ({ sort, order, status, page })),
    ),
  ),
);

/**
 * What each sorted page must avoid: a sequential scan of "Task", a sort (the page is not read
 * in index order) or a walk of an index not led by userId (e.g. the primary key).
 */
const problems = (plans: ExplainedQuery[]) =>
  [
    ...seqScansOn(plans, 'Task'),
    ...sortingQueries(plans, 'Task'),
    ...plans.filter((plan) =>
      plan.nodes.some(
        (node) => node.relation === 'Task' && !node.index?.startsWith('Task_userId_'),
      ),
    ),
  ].map((plan) => ({ sql: plan.sql, plan: plan.summary, nodes: plan.nodes.map((n) => n.type) }));

describe.skipIf(!testEngines.includes('postgres'))('task.list plans on PostgreSQL', () => {
  const plan = usePlanProbe(seedTasks);

  it('the probe sees a Seq Scan when there is one (the check can fail)', async () => {
    const plans = await plan.probe.explain(
      () => plan.probe.db.prisma.task.findMany({ where: { description: 'no index on this' } }),
      'Task',
    );
    expect(seqScansOn(plans, 'Task')).toHaveLength(1);
    const sorted = await plan.probe.explain(
      () => plan.probe.db.prisma.task.findMany({ orderBy: { description: 'asc' }, take: 5 }),
      'Task',
    );
    expect(sortingQueries(sorted, 'Task')).toHaveLength(1);
  });

  it('reads a page and its tags in one statement', async () => {
    const tag = await plan.caller.tag.create({ name: 'page-tags' });
    const [newest] = (await plan.caller.task.list({ limit: 1 })).items;
    await plan.caller.task.update({ id: newest!.id, tagIds: [tag.id] });
    let items: { tags: { name: string }[] }[] = [];
    const statements = await plan.probe.capture(async () => {
      items = (await plan.caller.task.list({ limit: 50 })).items;
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]!.sql).toMatch(/FROM "Task" t WHERE/);
    expect(items[0]!.tags.map((t) => t.name)).toEqual(['page-tags']);
    const page = await plan.probe.explain(() => plan.caller.task.list({ limit: 50 }), 'Task');
    expect(sortingQueries(page, 'Task')).toEqual([]);
  });

  it('creates a task and its live-sync event in one statement or one transaction, locking tags only when it has some', async () => {
    const plain = await plan.probe.capture(() => plan.caller.task.create({ title: 'no tags' }));
    // Without tags the task and its event are one statement, which commits them together.
    expect(plain).toHaveLength(1);
    expect(plain[0]!.sql).toMatch(/INSERT INTO "Task"[\s\S]*INSERT INTO "SyncEvent"/);
    expect(plain.some((query) => /FOR SHARE/.test(query.sql))).toBe(false);

    const tag = await plan.caller.tag.create({ name: `plan-${plain.length}` });
    const tagged = await plan.probe.capture(() =>
      plan.caller.task.create({ title: 'with a tag', tagIds: [tag.id] }),
    );
    expect(tagged.at(-1)?.sql).toBe('COMMIT');
    expect(tagged.some((query) => /FOR SHARE/.test(query.sql))).toBe(true);
  });

  it.each(shapes)(
    '$sort $order, status $status, $page: in index order, no Seq Scan on "Task"',
    async (shape) => {
      const input = { sort: shape.sort, order: shape.order, status: shape.status, limit: 50 };
      const first = await plan.caller.task.list(input);
      expect(first.items).toHaveLength(50);
      const cursor = shape.page === 'cursor page' ? first.nextCursor : null;
      const plans = await plan.probe.explain(
        () => plan.caller.task.list({ ...input, cursor }),
        'Task',
      );
      expect(plans.length).toBeGreaterThan(0);
      expect(problems(plans)).toEqual([]);
    },
  );

  it.each(['asc', 'desc'] as const)(
    'dueDate %s from a cursor inside the no-due-date segment: in index order',
    async (order) => {
      const row = await plan.db.prisma.task.findFirstOrThrow({ where: { dueDate: null } });
      const cursor = encodeCursor({ s: 'dueDate', o: order, v: null, i: row.id }, testCursorKey);
      const plans = await plan.probe.explain(
        () => plan.caller.task.list({ sort: 'dueDate', order, cursor }),
        'Task',
      );
      expect(problems(plans)).toEqual([]);
    },
  );

  it('filters by priority, tag, due range and text stay index-backed', async () => {
    const plans = await plan.probe.explain(
      () =>
        plan.caller.task.list({
          priority: ['high'],
          dueAfter: new Date('2026-02-01T00:00:00Z'),
          dueBefore: new Date('2026-06-01T00:00:00Z'),
          q: 'task 1',
        }),
      'Task',
    );
    expect(seqScansOn(plans, 'Task')).toEqual([]);
  });
});
