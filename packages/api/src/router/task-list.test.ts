// task.list against a model: for random tasks, filters, sorts and page sizes, walking every page
// returns exactly the filtered set in order; with inserts and deletes between pages, every page
// is exactly what keyset semantics promise (see README.md, "Paging while the list changes").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import type { Caller } from '../testing/caller';
import { useTestApi } from '../testing/fixtures';
import * as model from '../testing/task-list-model';
import { serializeOutput } from '../transformer';

describe.each(testEngines)('task.list pages on %s', (engine) => {
  const api = useTestApi(engine);

  /** A fresh user with three tags and `seeds` as tasks; returns the model of what was stored. */
  async function setUp(seeds: model.TaskSeed[]) {
    const { user, caller } = await api.newUser('walk');
    const tagIds: number[] = [];
    for (const name of ['t0', 't1', 't2']) tagIds.push((await caller.tag.create({ name })).id);
    const insert = (more: model.TaskSeed[]) => insertTasks(user.id, tagIds, more);
    return { caller, tagIds, tasks: await insert(seeds), insert };
  }

  async function insertTasks(userId: string, tagIds: number[], seeds: model.TaskSeed[]) {
    const rows = await api.db.prisma.task.createManyAndReturn({
      data: seeds.map(({ tags: _tags, ...seed }) => ({
        ...seed,
        userId,
        updatedAt: seed.createdAt,
      })),
      select: { id: true },
    });
    const tasks = seeds.map(({ tags, ...seed }, i) => ({
      ...seed,
      id: rows[i]!.id,
      tagIds: tags.map((t) => tagIds[t]!),
    }));
    await api.db.prisma.taskTag.createMany({
      data: tasks.flatMap((task) => task.tagIds.map((tagId) => ({ taskId: task.id, tagId }))),
    });
    return tasks;
  }

  const page = (
    caller: Caller,
    input: ReturnType<typeof model.toInput>,
    limit: number,
    cursor: string | null,
  ) => caller.task.list({ ...input, limit, cursor });

  it('walks exactly the filtered set, in order, with no duplicates or gaps', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(model.taskArb, { minLength: 5, maxLength: 30 }),
        model.listArb,
        fc.integer({ min: 1, max: 7 }),
        async (seeds, list, limit) => {
          const { caller, tagIds, tasks } = await setUp(seeds);
          const input = model.toInput(list, tagIds);
          const expected = model.expectedIds(tasks, input);
          const seen: number[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const result = await page(caller, input, limit, cursor);
            seen.push(...result.items.map((item) => item.id));
            cursor = result.nextCursor;
            pages++;
          } while (cursor && pages <= expected.length + 1);
          expect(seen).toEqual(expected);
          expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)));
        },
      ),
      { numRuns: 40 },
    );
    // 40 runs of seeding and paging: seconds alone, far longer on a loaded shared CI machine.
  }, 180_000);

  const stepArb = fc.record({
    inserts: fc.array(model.taskArb, { maxLength: 3 }),
    deletes: fc.array(fc.nat(), { maxLength: 2 }),
  });

  it('with inserts and deletes between pages, each page is the next rows after the cursor', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(model.taskArb, { minLength: 8, maxLength: 20 }),
        model.listArb,
        fc.integer({ min: 1, max: 4 }),
        fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        async (seeds, list, limit, steps) => {
          const setup = await setUp(seeds);
          const input = model.toInput(list, setup.tagIds);
          let live = setup.tasks;
          let last: model.ModelTask | undefined;
          let cursor: string | null = null;
          for (let i = 0; ; i++) {
            // The model's page: the first rows after the last row returned, in list order.
            const after = live
              .filter((task) => model.matches(task, input))
              .filter((task) => !last || model.compare(task, last, input.sort, input.order) > 0)
              .sort((a, b) => model.compare(a, b, input.sort, input.order));
            const result = await page(setup.caller, input, limit, cursor);
            expect(result.items.map((item) => item.id)).toEqual(
              after.slice(0, limit).map((t) => t.id),
            );
            expect(result.nextCursor === null).toBe(after.length <= limit);
            if (!result.nextCursor) break;
            cursor = result.nextCursor;
            last = live.find((task) => task.id === result.items.at(-1)!.id);
            // Each step runs once, between the first pages; then the list holds still, so the
            // walk ends even when inserts land after the cursor faster than pages are read.
            const step = steps[i];
            if (!step) continue;
            const doomed = step.deletes.map((n) => live[n % live.length]?.id);
            await api.db.prisma.task.deleteMany({
              where: { id: { in: doomed.filter((id) => id !== undefined) } },
            });
            live = live.filter((task) => !doomed.includes(task.id));
            live = [...live, ...(await setup.insert(step.inserts))];
          }
        },
      ),
      { numRuns: 25 },
    );
  });
  it('gives each task its own tags, in case-insensitive name order, and [] when it has none', async () => {
    const { caller } = await api.newUser('tags');
    const tag = async (name: string) => (await caller.tag.create({ name })).id;
    const ids = { b: await tag('b-tag'), a: await tag('A-tag'), c: await tag('c') };
    const first = await caller.task.create({ title: 'first', tagIds: [ids.c, ids.a] });
    const second = await caller.task.create({ title: 'second', tagIds: [ids.b, ids.c, ids.a] });
    const bare = await caller.task.create({ title: 'bare' });
    const { items } = await caller.task.list({ limit: 10 });
    const names = Object.fromEntries(items.map((task) => [task.id, task.tags.map((t) => t.name)]));
    // Tasks sharing a tag share no object: superjson would send that as a referential equality.
    expect(serializeOutput(items).meta).not.toHaveProperty('referentialEqualities');
    expect(names).toEqual({
      [first.id]: ['A-tag', 'c'],
      [second.id]: ['A-tag', 'b-tag', 'c'],
      [bare.id]: [],
    });
    expect(items.find((task) => task.id === first.id)?.tags[0]).toEqual({
      id: ids.a,
      name: 'A-tag',
      color: null,
      createdAt: expect.any(Date) as Date,
    });
  });
});
