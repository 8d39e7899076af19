// Task writes build their result (and the sync event's data) from the written row and the tags
// they locked, without reading the task back: the result must still be exactly what byId answers,
// tags in name order, and each write must send no statement beyond the ones it needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { type TestApi, type TestUser, createTestApi } from '../../testing/caller';
import { type QueryProbe, createQueryProbe } from '../../testing/explain';
import { useTestApi } from '../../testing/fixtures';
import { openSync } from '../../testing/sync-reader';

describe.each(testEngines)('task writes answer what byId answers, on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;
  beforeAll(async () => {
    me = await api.newUser('write-shape');
  });

  it('create, update and completion: result = event data = byId, tags in name order', async () => {
    const c = me.caller;
    // Given out of name order, and with a capital that sorts first by code point, not by key.
    const zebra = await c.tag.create({ name: 'Zebra', color: '#00ff00' });
    const apple = await c.tag.create({ name: 'apple' });
    const mango = await c.tag.create({ name: 'mango' });
    // A fresh user: the three tags are events 1 to 3.
    const stream = await openSync(c, '3');

    const plain = await c.task.create({ title: 'No tags' });
    const tagged = await c.task.create({
      title: 'Tagged',
      tagIds: [zebra.id, mango.id, apple.id],
      recurrenceRule: 'FREQ=WEEKLY',
      dueDate: new Date('2026-01-06T08:00:00Z'),
    });
    const retagged = await c.task.update({ id: tagged.id, tagIds: [mango.id, zebra.id] });
    const untagged = await c.task.update({ id: plain.id, tagIds: [] });
    const retitled = await c.task.update({ id: tagged.id, title: 'Kept tags' });
    // Completing through update with new tags: the next occurrence carries those tags.
    const completed = await c.task.update({ id: tagged.id, completed: true, tagIds: [apple.id] });

    const seen = (await stream.take(7)).map((s) => s.event);
    await stream.close();
    expect(tagged.tags.map((t) => t.name)).toEqual(['apple', 'mango', 'Zebra']);
    expect(retagged.tags).toEqual([mango, zebra]);
    expect(untagged.tags).toEqual([]);
    expect(retitled.tags).toEqual([mango, zebra]);
    expect(completed.tags).toEqual([apple]);

    const next = seen[6]!;
    expect(next).toMatchObject({ op: 'upsert', entity: 'task' });
    const nextId = (next as { id: number }).id;
    expect(nextId).not.toBe(tagged.id);
    const results = [plain, tagged, retagged, untagged, retitled, completed];
    expect(seen.map((e) => (e as { data: unknown }).data)).toEqual([
      ...results,
      await c.task.byId({ id: nextId }),
    ]);
    expect((await c.task.byId({ id: nextId })).tags).toEqual([apple]);
    // The latest of each, exactly as byId answers it now.
    expect(await c.task.byId({ id: plain.id })).toEqual(untagged);
    expect(await c.task.byId({ id: tagged.id })).toEqual(completed);
  });

  it('an untagged create with every field set (one statement): result = event data = byId', async () => {
    const c = me.caller;
    // The stream resumes after the user's newest event (a generator starts when first read).
    const cursor = await api.db.prisma.syncCursor.findUnique({ where: { userId: me.user.id } });
    const stream = await openSync(c, String(cursor?.lastEventId ?? 0n));
    const minimal = await c.task.create({ title: 'Minimal' });
    const full = await c.task.create({
      title: 'Full',
      description: 'Every field',
      priority: 'high',
      dueDate: new Date('2026-03-01T07:30:00.125Z'),
      recurrenceRule: 'FREQ=DAILY;INTERVAL=2',
    });
    const seen = (await stream.take(2)).map((s) => s.event);
    await stream.close();
    expect(minimal).toMatchObject({ description: null, priority: 'medium', dueDate: null });
    expect(seen).toEqual([
      { op: 'upsert', entity: 'task', id: minimal.id, data: minimal, sessionId: null },
      { op: 'upsert', entity: 'task', id: full.id, data: full, sessionId: null },
    ]);
    expect(await c.task.byId({ id: minimal.id })).toEqual(minimal);
    expect(await c.task.byId({ id: full.id })).toEqual(full);
    expect(full.dueDate).toEqual(new Date('2026-03-01T07:30:00.125Z'));
  });

  it('a tag id that is not the caller’s still answers NOT_FOUND and writes nothing', async () => {
    const other = await api.newUser('write-shape-other');
    const theirs = await other.caller.tag.create({ name: 'theirs' });
    await expect(me.caller.task.create({ title: 'x', tagIds: [theirs.id] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const { items } = await me.caller.task.list({ q: 'x', status: 'all' });
    expect(items.filter((t) => t.title === 'x')).toEqual([]);
  });
});

// What each write sends, statement by statement (PostgreSQL only; skipped without it).
// Prisma names tables with their schema ("public"."Task"), raw statements do not.
// A CTE is labelled by the statement inside it: 'WITH UPDATE "Task"'.
const label = (sql: string): string | undefined => {
  const plain = sql.replaceAll('"public".', '');
  const inner = /^\s*WITH \w+ AS \(\s*(INSERT INTO \S+|\w+ \S+)/.exec(plain)?.[1];
  // The event append, alone or as a CTE of the write's own statement (insert-task.ts).
  if (/"SyncCursor"/.test(sql))
    return inner && !inner.includes('SyncCursor') ? `WITH ${inner} + sync` : 'sync';
  return inner ? `WITH ${inner}` : /^\s*(\w+(?: INTO \S+| FROM \S+)?)/.exec(plain)?.[1];
};

describe.runIf(testEngines.includes('postgres'))('task write statements on PostgreSQL', () => {
  let db: TestDatabase;
  let probe: QueryProbe;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    probe = createQueryProbe(db);
    api = createTestApi(probe.db);
  });
  afterAll(async () => {
    await probe?.close();
    await db?.close();
  });

  const labels = async (fn: () => Promise<unknown>) =>
    (await probe.capture(fn)).map((s) => label(s.sql));

  it('create: one statement without tags; else lock, INSERT, links, sync, COMMIT; no read-back', async () => {
    const { caller } = await api.newUser('statements');
    const a = await caller.tag.create({ name: 'a' });
    const b = await caller.tag.create({ name: 'b' });
    // No BEGIN or COMMIT either: one statement is its own transaction (insert-task.ts).
    expect(await labels(() => caller.task.create({ title: 'plain' }))).toEqual([
      'WITH INSERT INTO "Task" + sync',
    ]);
    expect(
      await labels(() => caller.task.create({ title: 'tagged', tagIds: [a.id, b.id] })),
    ).toEqual(['SELECT', 'INSERT INTO "Task"', 'INSERT INTO "TaskTag"', 'sync', 'COMMIT']);
  });

  it('update with tagIds: lock, tags, UPDATE, links replaced in two statements; no read-back', async () => {
    const { caller } = await api.newUser('statements-update');
    const a = await caller.tag.create({ name: 'a' });
    const task = await caller.task.create({ title: 't' });
    expect(await labels(() => caller.task.update({ id: task.id, tagIds: [a.id] }))).toEqual([
      'SELECT',
      'SELECT',
      'UPDATE',
      'DELETE FROM "TaskTag"',
      'INSERT INTO "TaskTag"',
      'sync',
      'COMMIT',
    ]);
    // Fields only: the UPDATE locks, checks, reads the kept tags and appends its event in one
    // statement, its own transaction (patch.ts).
    expect(await labels(() => caller.task.update({ id: task.id, title: 'u' }))).toEqual([
      'WITH UPDATE "Task" + sync',
    ]);
    // Completing needs the row first (a recurring task repeats): the general path.
    expect(await labels(() => caller.task.update({ id: task.id, completed: true }))).toEqual([
      'SELECT',
      'SELECT',
      'UPDATE',
      'SELECT',
      'sync',
      'COMMIT',
    ]);
  });

  it('a task write waits for a tag recolor in flight and carries the new color', async () => {
    // Without the wait, the write read the committed (old) color, and its result and sync event
    // kept it after the recolor committed: a client applied the tag's change, then lost it again.
    // (A rename that changes nameKey, a unique key, already conflicted with FOR KEY SHARE; a
    // recolor or a change of case only does not.)
    const { caller } = await api.newUser('rename-race');
    const tag = await caller.tag.create({ name: 'paint', color: '#111111' });
    await db.withConnection(async (renamer) => {
      await renamer.exec('BEGIN');
      await renamer.query(`UPDATE "Tag" SET color = '#222222' WHERE id = $1`, [tag.id]);
      let settled = false;
      const write = caller.task.create({ title: 'during a recolor', tagIds: [tag.id] });
      void write.finally(() => (settled = true)).catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await renamer.exec('COMMIT');
      expect((await write).tags.map((t) => t.color)).toEqual(['#222222']);
    });
  });
});
