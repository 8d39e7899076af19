// Completing a recurring task creates its next occurrence in the same transaction.
import { describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import type { TestUser } from '../testing/caller';
import { useTestApi } from '../testing/fixtures';

describe.each(testEngines)('recurring tasks on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;

  /** A fresh user per test, so "the user's tasks" is exactly what the test made. */
  async function recurring(rule: string, dueDate: Date | null, tagNames: string[] = []) {
    me = await api.newUser('recurring');
    const tags = await Promise.all(tagNames.map((name) => me.caller.tag.create({ name })));
    return me.caller.task.create({
      title: 'Standup',
      description: 'Daily sync',
      priority: 'high',
      dueDate,
      recurrenceRule: rule,
      tagIds: tags.map((tag) => tag.id),
    });
  }
  const tasks = () => me.caller.task.list({ sort: 'createdAt', order: 'asc' }).then((p) => p.items);

  it('daily: the next task is due a day later, with the same fields and tags', async () => {
    const task = await recurring('FREQ=DAILY', new Date('2026-01-05T09:00:00Z'), ['Work', 'Team']);
    await me.caller.task.toggleComplete({ id: task.id });
    const [done, next] = await tasks();
    expect(done).toMatchObject({ id: task.id, completed: true });
    expect(next).toEqual({
      ...task,
      id: next!.id,
      dueDate: new Date('2026-01-06T09:00:00Z'),
      createdAt: api.clock.now(),
      updatedAt: api.clock.now(),
    });
    expect(next!.tags.map((tag) => tag.name)).toEqual(['Team', 'Work']);
  });

  it('weekly BYDAY: Monday is followed by Wednesday, then Friday', async () => {
    const task = await recurring('FREQ=WEEKLY;BYDAY=MO,WE,FR', new Date('2026-01-05T09:00:00Z'));
    await me.caller.task.toggleComplete({ id: task.id });
    const wednesday = (await tasks())[1]!;
    expect(wednesday.dueDate).toEqual(new Date('2026-01-07T09:00:00Z'));
    await me.caller.task.toggleComplete({ id: wednesday.id });
    expect((await tasks())[2]!.dueDate).toEqual(new Date('2026-01-09T09:00:00Z'));
  });

  it('COUNT: COUNT=2 yields one more task (COUNT=1), which yields none', async () => {
    const task = await recurring('FREQ=DAILY;COUNT=2', new Date('2026-01-05T09:00:00Z'));
    await me.caller.task.toggleComplete({ id: task.id });
    const last = (await tasks())[1]!;
    expect(last.recurrenceRule).toBe('FREQ=DAILY;COUNT=1');
    await me.caller.task.toggleComplete({ id: last.id });
    expect(await tasks()).toHaveLength(2);
  });

  it('UNTIL passed: completing the last occurrence creates nothing', async () => {
    const task = await recurring(
      'FREQ=DAILY;UNTIL=20260105T235959Z',
      new Date('2026-01-05T09:00:00Z'),
    );
    await me.caller.task.toggleComplete({ id: task.id });
    expect(await tasks()).toHaveLength(1);
  });

  it('un-completing creates nothing; completing through update repeats like toggle', async () => {
    const task = await recurring('FREQ=DAILY', new Date('2026-01-05T09:00:00Z'));
    await me.caller.task.update({ id: task.id, completed: true });
    expect(await tasks()).toHaveLength(2);
    await me.caller.task.toggleComplete({ id: task.id });
    await me.caller.task.update({ id: task.id, completed: false });
    expect(await tasks()).toHaveLength(2);
  });

  it('without a due date, the rule is anchored at the completion time', async () => {
    const task = await recurring('FREQ=DAILY;INTERVAL=2', null);
    api.clock.set(new Date('2026-02-10T18:15:00Z'));
    await me.caller.task.toggleComplete({ id: task.id });
    expect((await tasks())[1]!.dueDate).toEqual(new Date('2026-02-12T18:15:00Z'));
  });

  it('an edited rule applies from the next completion', async () => {
    const task = await recurring('FREQ=DAILY', new Date('2026-01-05T09:00:00Z'));
    await me.caller.task.update({ id: task.id, recurrenceRule: 'FREQ=WEEKLY' });
    await me.caller.task.toggleComplete({ id: task.id });
    expect((await tasks())[1]).toMatchObject({
      dueDate: new Date('2026-01-12T09:00:00Z'),
      recurrenceRule: 'FREQ=WEEKLY',
    });
  });
});
