// Input limits of the task and tag procedures, each at its edge and one past it, as a client
// sees them (appCode and field through the error formatter).
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import type { TestUser } from '../testing/caller';
import { errorOf } from '../testing/error-shape';
import { useTestApi } from '../testing/fixtures';

describe.each(testEngines)('task and tag input limits on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;
  beforeAll(async () => {
    me = await api.newUser('limits');
  });

  const rejected = async (call: Promise<unknown>, field: string) =>
    expect(await errorOf(call)).toMatchObject({ status: 400, appCode: 'VALIDATION_ERROR', field });

  it('title: 200 characters ok, 201 rejected, whitespace-only rejected', async () => {
    const task = await me.caller.task.create({ title: 'x'.repeat(200) });
    expect(task.title).toHaveLength(200);
    await rejected(me.caller.task.create({ title: 'x'.repeat(201) }), 'title');
    await rejected(me.caller.task.create({ title: ' \t\n ' }), 'title');
    await rejected(me.caller.task.update({ id: task.id, title: '   ' }), 'title');
  });

  it('description: 10,000 characters ok, 10,001 rejected', async () => {
    const task = await me.caller.task.create({ title: 'd', description: 'd'.repeat(10_000) });
    expect(task.description).toHaveLength(10_000);
    await rejected(
      me.caller.task.create({ title: 'd', description: 'd'.repeat(10_001) }),
      'description',
    );
  });

  it('limit: 1 and 100 ok, 0 and 101 rejected', async () => {
    expect((await me.caller.task.list({ limit: 1 })).items.length).toBeLessThanOrEqual(1);
    expect((await me.caller.task.list({ limit: 100 })).items.length).toBeLessThanOrEqual(100);
    await rejected(me.caller.task.list({ limit: 0 }), 'limit');
    await rejected(me.caller.task.list({ limit: 101 }), 'limit');
  });

  it('a malformed cursor is INVALID_CURSOR', async () => {
    expect(await errorOf(me.caller.task.list({ cursor: 'nope' }))).toMatchObject({
      status: 400,
      appCode: 'INVALID_CURSOR',
      field: 'cursor',
    });
  });

  it('a cursor of another sort is INVALID_CURSOR', async () => {
    await me.caller.task.create({ title: 'one' });
    await me.caller.task.create({ title: 'two' });
    const { nextCursor } = await me.caller.task.list({ sort: 'title', limit: 1 });
    const other = me.caller.task.list({ sort: 'createdAt', limit: 1, cursor: nextCursor });
    expect(await errorOf(other)).toMatchObject({ appCode: 'INVALID_CURSOR', field: 'cursor' });
  });

  it.each([
    ['FREQ=DAILY;COUNT=abc', 'a malformed COUNT'],
    ['FREQ=SOMETIMES', 'an unknown FREQ'],
    ['BYDAY=MO', 'no FREQ'],
    ['FREQ=WEEKLY;BYDAY=XX', 'an unknown weekday'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20270101T000000Z', 'both COUNT and UNTIL'],
    ['DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', 'a DTSTART (the due date anchors rules)'],
  ])('recurrenceRule %j (%s): VALIDATION_ERROR on recurrenceRule', async (rule) => {
    await rejected(me.caller.task.create({ title: 'r', recurrenceRule: rule }), 'recurrenceRule');
  });

  it('tag name: 50 characters ok, 51 rejected, blank rejected', async () => {
    expect((await me.caller.tag.create({ name: 'n'.repeat(50) })).name).toHaveLength(50);
    await rejected(me.caller.tag.create({ name: 'n'.repeat(51) }), 'name');
    await rejected(me.caller.tag.create({ name: '   ' }), 'name');
  });

  it.each(['red', '#12345', '#1234567', '#GGGGGG', '123456'])(
    'tag color %j rejected',
    async (color) => {
      await rejected(me.caller.tag.create({ name: `c${color}`, color }), 'color');
    },
  );

  it('tag color #RRGGBB or null accepted', async () => {
    expect((await me.caller.tag.create({ name: 'teal', color: '#00aa99' })).color).toBe('#00aa99');
    const tag = await me.caller.tag.create({ name: 'none', color: null });
    expect(tag.color).toBeNull();
  });

  it('dates must carry an offset', async () => {
    await rejected(me.caller.task.create({ title: 'd', dueDate: '2026-03-01' }), 'dueDate');
  });
});
