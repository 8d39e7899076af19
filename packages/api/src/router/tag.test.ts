// tag.list / create / update / delete: case-insensitive uniqueness decided by the database,
// colours, and unlinking on delete.
import { describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import type { TestUser } from '../testing/caller';
import { errorOf } from '../testing/error-shape';
import { useTestApi } from '../testing/fixtures';

describe.each(testEngines)('tag procedures on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;
  // A fresh user per test: tag names are unique per user.
  const fresh = async () => (me = await api.newUser('tags'));

  const conflictOnName = { status: 409, appCode: 'CONFLICT', field: 'name' };

  it('creates trimmed names and lists them in case-insensitive name order', async () => {
    await fresh();
    const b = await me.caller.tag.create({ name: '  beta ', color: '#AABBCC' });
    const a = await me.caller.tag.create({ name: 'Alpha' });
    expect(b).toEqual({ id: b.id, name: 'beta', color: '#AABBCC', createdAt: api.clock.now() });
    expect(await me.caller.tag.list()).toEqual([a, b]);
  });

  it('refuses a name that differs only in case, on create and on rename', async () => {
    await fresh();
    await me.caller.tag.create({ name: 'Work' });
    expect(await errorOf(me.caller.tag.create({ name: 'WORK' }))).toMatchObject(conflictOnName);
    const home = await me.caller.tag.create({ name: 'Home' });
    const rename = me.caller.tag.update({ id: home.id, name: 'work' });
    expect(await errorOf(rename)).toMatchObject(conflictOnName);
    expect(await me.caller.tag.list()).toHaveLength(2);
    // Renaming a tag to another spelling of its own name is fine.
    expect(await me.caller.tag.update({ id: home.id, name: 'HOME' })).toMatchObject({
      name: 'HOME',
    });
  });

  it('lets two racing creates of one name end with exactly one tag', async () => {
    await fresh();
    const calls = ['Urgent', 'urgent', 'URGENT', 'uRgEnT'].map((name) =>
      me.caller.tag.create({ name }),
    );
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const losers = calls.filter((_, i) => results[i]!.status === 'rejected');
    for (const loser of losers) expect(await errorOf(loser)).toMatchObject(conflictOnName);
    expect(await api.db.prisma.tag.count({ where: { userId: me.user.id } })).toBe(1);
  });

  it('allows the same name for different users', async () => {
    await fresh();
    const other = await api.newUser('tags-other');
    await me.caller.tag.create({ name: 'Shared' });
    expect((await other.caller.tag.create({ name: 'shared' })).name).toBe('shared');
  });

  it('updates a partial patch: color alone, then cleared', async () => {
    await fresh();
    const tag = await me.caller.tag.create({ name: 'Paint', color: '#000000' });
    expect(await me.caller.tag.update({ id: tag.id, color: '#FFFFFF' })).toEqual({
      ...tag,
      color: '#FFFFFF',
    });
    expect(await me.caller.tag.update({ id: tag.id, color: null })).toEqual({
      ...tag,
      color: null,
    });
  });

  it('deleting a tag unlinks it from its tasks and leaves the tasks', async () => {
    await fresh();
    const [keep, drop] = await Promise.all([
      me.caller.tag.create({ name: 'Keep' }),
      me.caller.tag.create({ name: 'Drop' }),
    ]);
    const task = await me.caller.task.create({ title: 'Tagged', tagIds: [keep.id, drop.id] });
    expect(await me.caller.tag.delete({ id: drop.id })).toEqual({ id: drop.id });
    expect((await me.caller.task.byId({ id: task.id })).tags).toEqual([keep]);
    expect(await api.db.prisma.taskTag.count({ where: { tagId: drop.id } })).toBe(0);
    expect(await errorOf(me.caller.tag.delete({ id: drop.id }))).toMatchObject({
      status: 404,
      appCode: 'NOT_FOUND',
    });
  });
});
