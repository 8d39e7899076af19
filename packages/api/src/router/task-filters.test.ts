// task.list filters by example (the property walk in task-list.test.ts covers them at random).
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import type { TestUser } from '../testing/caller';
import { useTestApi } from '../testing/fixtures';

describe.each(testEngines)('task.list filters on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;
  beforeAll(async () => {
    me = await api.newUser('filters');
  });

  const titles = async (input: Parameters<TestUser['caller']['task']['list']>[0]) =>
    (await me.caller.task.list({ sort: 'title', order: 'asc', ...input })).items.map(
      (t) => t.title,
    );

  it('q is a literal, case-insensitive substring of title or description', async () => {
    for (const title of [
      'Save 50%',
      'Save 500',
      'snake_case',
      'snakeXcase',
      'C:\\temp',
      "O'Brien",
    ]) {
      await me.caller.task.create({ title });
    }
    await me.caller.task.create({ title: 'Plain', description: 'mentions SAVE 50% too' });
    expect(await titles({ q: '50%' })).toEqual(['Plain', 'Save 50%']);
    expect(await titles({ q: 'e_c' })).toEqual(['snake_case']);
    expect(await titles({ q: ':\\t' })).toEqual(['C:\\temp']);
    expect(await titles({ q: "o'b" })).toEqual(["O'Brien"]);
    expect(await titles({ q: '%' })).toEqual(['Plain', 'Save 50%']);
  });

  it('tagIds keeps tasks carrying all of the tags', async () => {
    const [a, b] = [
      await me.caller.tag.create({ name: 'a' }),
      await me.caller.tag.create({ name: 'b' }),
    ];
    await me.caller.task.create({ title: 'tag both', tagIds: [a.id, b.id] });
    await me.caller.task.create({ title: 'tag a', tagIds: [a.id] });
    await me.caller.task.create({ title: 'tag b', tagIds: [b.id] });
    expect(await titles({ tagIds: [a.id, b.id] })).toEqual(['tag both']);
    expect(await titles({ tagIds: [a.id] })).toEqual(['tag a', 'tag both']);
  });

  it('dueAfter is inclusive, dueBefore exclusive; undated tasks match neither', async () => {
    for (const [title, due] of [
      ['due 1st', '2030-01-01T00:00:00Z'],
      ['due 2nd', '2030-01-02T00:00:00Z'],
      ['due 3rd', '2030-01-03T00:00:00Z'],
    ] as const) {
      await me.caller.task.create({ title, dueDate: new Date(due) });
    }
    const range = {
      dueAfter: new Date('2030-01-01T00:00:00Z'),
      dueBefore: new Date('2030-01-03T00:00:00Z'),
    };
    expect(await titles(range)).toEqual(['due 1st', 'due 2nd']);
  });

  it('status and priority filter; tasks without a due date come last in both orders', async () => {
    const user = await api.newUser('order');
    const make = (title: string, dueDate: Date | null, priority: 'low' | 'high') =>
      user.caller.task.create({ title, dueDate, priority });
    await make('undated', null, 'high');
    await make('early', new Date('2030-01-01T00:00:00Z'), 'low');
    const late = await make('late', new Date('2030-02-01T00:00:00Z'), 'high');
    await user.caller.task.toggleComplete({ id: late.id });
    const order = async (input: object) =>
      (await user.caller.task.list({ sort: 'dueDate', ...input })).items.map((t) => t.title);
    expect(await order({ order: 'asc' })).toEqual(['early', 'late', 'undated']);
    expect(await order({ order: 'desc' })).toEqual(['late', 'early', 'undated']);
    expect(await order({ status: 'active' })).toEqual(['early', 'undated']);
    expect(await order({ status: 'completed' })).toEqual(['late']);
    expect(await order({ priority: ['high'], order: 'asc' })).toEqual(['late', 'undated']);
  });
});
