// task.create / byId / update / delete / toggleComplete: fields, tags, optimistic concurrency.
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import type { TestUser } from '../testing/caller';
import { errorOf } from '../testing/error-shape';
import { useTestApi } from '../testing/fixtures';

describe.each(testEngines)('task procedures on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;
  beforeAll(async () => {
    me = await api.newUser('tasks');
  });

  const tagLinks = (taskId: number) => api.db.prisma.taskTag.count({ where: { taskId } });

  it('creates a task with defaults, trimmed title and its tags', async () => {
    const tag = await me.caller.tag.create({ name: 'Home' });
    const task = await me.caller.task.create({ title: '  Water plants  ', tagIds: [tag.id] });
    expect(task).toEqual({
      id: task.id,
      userId: me.user.id,
      title: 'Water plants',
      description: null,
      completed: false,
      completedAt: null,
      priority: 'medium',
      dueDate: null,
      recurrenceRule: null,
      createdAt: api.clock.now(),
      updatedAt: api.clock.now(),
      tags: [{ id: tag.id, name: 'Home', color: null, createdAt: tag.createdAt }],
    });
    expect(await me.caller.task.byId({ id: task.id })).toEqual(task);
  });

  it('accepts ISO strings as dates (the REST mirror sends strings)', async () => {
    const task = await me.caller.task.create({
      title: 'Report',
      dueDate: '2026-03-01T10:00:00+02:00',
    });
    expect(task.dueDate).toEqual(new Date('2026-03-01T08:00:00Z'));
  });

  it('updates a partial patch, replaces the tag set and clears nullable fields', async () => {
    const [a, b] = await Promise.all([
      me.caller.tag.create({ name: 'A' }),
      me.caller.tag.create({ name: 'B' }),
    ]);
    const task = await me.caller.task.create({
      title: 'Patch me',
      description: 'old',
      dueDate: new Date('2026-02-01T00:00:00Z'),
      tagIds: [a.id],
    });
    api.clock.advance(1000);
    const updated = await me.caller.task.update({
      id: task.id,
      priority: 'high',
      description: null,
      dueDate: null,
      tagIds: [b.id],
    });
    expect(updated).toMatchObject({ title: 'Patch me', priority: 'high', description: null });
    expect(updated.dueDate).toBeNull();
    expect(updated.tags.map((t) => t.id)).toEqual([b.id]);
    expect(updated.updatedAt).toEqual(api.clock.now());
    expect(await tagLinks(task.id)).toBe(1);
  });

  it('answers CONFLICT to a stale expectedUpdatedAt and writes nothing', async () => {
    const task = await me.caller.task.create({ title: 'Shared' });
    // Same clock instant: the web write must still move updatedAt so mobile's copy is stale.
    const web = await me.caller.task.update({
      id: task.id,
      title: 'Web',
      expectedUpdatedAt: task.updatedAt,
    });
    expect(web.updatedAt.getTime()).toBeGreaterThan(task.updatedAt.getTime());
    const tag = await me.caller.tag.create({ name: 'Mobile' });
    const mobile = me.caller.task.update({
      id: task.id,
      title: 'Mobile',
      tagIds: [tag.id],
      expectedUpdatedAt: task.updatedAt,
    });
    expect(await errorOf(mobile)).toMatchObject({
      status: 409,
      appCode: 'CONFLICT',
      field: 'expectedUpdatedAt',
    });
    expect(await me.caller.task.byId({ id: task.id })).toEqual(web);
    expect(await tagLinks(task.id)).toBe(0);
  });

  it('a fields-only edit (one statement) answers CONFLICT and NOT_FOUND like the others', async () => {
    const task = await me.caller.task.create({ title: 'Shared' });
    const first = await me.caller.task.update({ id: task.id, title: 'First' });
    const stale = me.caller.task.update({
      id: task.id,
      title: 'Stale',
      expectedUpdatedAt: task.updatedAt,
    });
    expect(await errorOf(stale)).toMatchObject({
      status: 409,
      appCode: 'CONFLICT',
      field: 'expectedUpdatedAt',
    });
    const current = await me.caller.task.update({
      id: task.id,
      priority: 'high',
      expectedUpdatedAt: first.updatedAt,
    });
    expect(current).toMatchObject({ title: 'First', priority: 'high' });
    expect(current.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
    expect(await me.caller.task.byId({ id: task.id })).toEqual(current);
    const missing = me.caller.task.update({ id: task.id + 1_000_000, title: 'x' });
    expect(await errorOf(missing)).toMatchObject({ status: 404, appCode: 'NOT_FOUND' });
    // The refused edits appended nothing: the log holds create, First and high, and the ids
    // stay dense (a skipped id would make every stream of this user resync).
    const log = await api.db.prisma.syncEvent.findMany({
      where: { userId: me.user.id, entity: 'task', entityId: String(task.id) },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    const head = await api.db.prisma.syncCursor.findUniqueOrThrow({
      where: { userId: me.user.id },
    });
    expect(log).toHaveLength(3);
    expect(log.at(-1)!.id).toBe(head.lastEventId);
    expect(await api.db.prisma.syncEvent.count({ where: { userId: me.user.id } })).toBe(
      Number(head.lastEventId),
    );
  });

  it("rejects tag ids that are not the caller's with NOT_FOUND, writing nothing", async () => {
    const other = await api.newUser('other');
    const foreign = await other.caller.tag.create({ name: 'Theirs' });
    const mine = await me.caller.tag.create({ name: 'Mine' });
    const before = await api.db.prisma.task.count();
    const create = me.caller.task.create({ title: 'x', tagIds: [mine.id, foreign.id] });
    expect(await errorOf(create)).toMatchObject({ appCode: 'NOT_FOUND', field: 'tagIds' });
    expect(await api.db.prisma.task.count()).toBe(before);

    const task = await me.caller.task.create({ title: 'keep', tagIds: [mine.id] });
    const update = me.caller.task.update({ id: task.id, title: 'changed', tagIds: [foreign.id] });
    expect(await errorOf(update)).toMatchObject({ appCode: 'NOT_FOUND', field: 'tagIds' });
    expect(await me.caller.task.byId({ id: task.id })).toEqual(task);
  });

  it('toggles completion, setting and clearing completedAt', async () => {
    const task = await me.caller.task.create({ title: 'Toggle' });
    const done = await me.caller.task.toggleComplete({ id: task.id });
    expect(done).toMatchObject({ completed: true, completedAt: api.clock.now() });
    const undone = await me.caller.task.toggleComplete({ id: task.id });
    expect(undone).toMatchObject({ completed: false, completedAt: null });
  });

  it('deletes a task with its tag links; a second delete is NOT_FOUND', async () => {
    const tag = await me.caller.tag.create({ name: 'Gone' });
    const task = await me.caller.task.create({ title: 'Delete me', tagIds: [tag.id] });
    expect(await me.caller.task.delete({ id: task.id })).toEqual({ id: task.id });
    expect(await tagLinks(task.id)).toBe(0);
    expect(await errorOf(me.caller.task.delete({ id: task.id }))).toMatchObject({
      status: 404,
      appCode: 'NOT_FOUND',
    });
    expect(await errorOf(me.caller.task.byId({ id: task.id }))).toMatchObject({
      appCode: 'NOT_FOUND',
    });
  });
});
