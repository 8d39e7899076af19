// The write path's sync work is one statement, the last before COMMIT (so the user's cursor lock
// is held for one round trip), and on a PostgreSQL bus that statement's NOTIFY reaches a real
// listener at commit only, carrying the id the cursor gave, and never when the write rolls back.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool } from '@repo/db';
import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { type TestApi, createTestApi } from '../testing/caller';
import { type QueryProbe, createQueryProbe } from '../testing/explain';
import { appendChanges } from './append';
import { createLocalBus } from './bus';
import { readEventsAfter } from './log';

type Pool = ReturnType<typeof createPgPool>;
const quiet = { failed: () => {}, recovered: () => {} };

const syncWork = /"SyncCursor"|"SyncEvent"|pg_notify/;
/** What each statement is: the sync statement, COMMIT, or the first words of an entity write. */
const label = (sql: string) =>
  syncWork.test(sql) ? 'sync' : /^\s*(\w+(?: INTO \S+)?)/.exec(sql)?.[1];

// PostgreSQL only (TEST_DATABASE_URL); skipped, not failed, without it.
describe.runIf(testEngines.includes('postgres'))('appending sync events on PostgreSQL', () => {
  const channel = `sync_append_${randomUUID().slice(0, 8)}`;
  let db: TestDatabase;
  let probe: QueryProbe;
  let api: TestApi;
  let listenerPool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    listenerPool = createPgPool({ connectionString: db.url, max: 1 }, quiet);
    probe = createQueryProbe(db);
    api = createTestApi(probe.db);
    api.services.syncBus = { ...createLocalBus(), notifyChannel: channel };
  });
  afterAll(async () => {
    await listenerPool?.end();
    await probe?.close();
    await db?.close();
  });

  it('a tag write sends its row, one sync statement, then COMMIT', async () => {
    const { caller } = await api.newUser('one');
    const statements = await probe.capture(() => caller.tag.create({ name: 'one statement' }));
    expect(statements.map((s) => label(s.sql))).toEqual([
      'INSERT INTO "public"."Tag"',
      'sync',
      'COMMIT',
    ]);
    expect(statements[1]!.sql).toContain('pg_notify');
  });

  it('a task write with tags touches the sync tables in one statement, right before COMMIT', async () => {
    const { caller } = await api.newUser('task');
    const tag = await caller.tag.create({ name: 'linked' });
    const labels = (
      await probe.capture(() => caller.task.create({ title: 'tagged', tagIds: [tag.id] }))
    ).map((s) => label(s.sql));
    expect(labels.filter((l) => l === 'sync')).toHaveLength(1);
    expect(labels.slice(-2)).toEqual(['sync', 'COMMIT']);
  });

  it('its NOTIFY arrives when the write commits, with the id given, and never on rollback', async () => {
    const listener = await listenerPool.connect();
    const heard: unknown[] = [];
    listener.on('notification', (note) => heard.push(JSON.parse(note.payload!)));
    await listener.query(`LISTEN ${channel}`);
    const { user } = await api.newUser('notify');
    const actor = { userId: user.id, sessionId: null };
    const change = { op: 'delete', entity: 'task', id: 7 } as const;

    await db.prisma
      .$transaction(async (tx) => {
        await appendChanges(tx, actor, [change], channel);
        throw new Error('rolled back');
      })
      .catch(() => {});
    let commit!: () => void;
    const mayCommit = new Promise<void>((resolve) => (commit = resolve));
    let appended!: () => void;
    const wasAppended = new Promise<void>((resolve) => (appended = resolve));
    const written = db.prisma.$transaction(async (tx) => {
      const id = await appendChanges(tx, actor, [change, change], channel);
      appended();
      await mayCommit;
      return id;
    });
    await wasAppended;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toEqual([]);
    commit();
    // The rolled-back append took no ids: the first committed events are 1 and 2.
    expect(await written).toBe('2');
    for (let waited = 0; heard.length === 0 && waited < 5000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toEqual([{ type: 'events', userId: user.id, lastEventId: '2' }]);
    const logged = await readEventsAfter(db, user.id, 0n, 10);
    expect(logged.map((e) => e.id)).toEqual([1n, 2n]);
    listener.release();
  });
});
