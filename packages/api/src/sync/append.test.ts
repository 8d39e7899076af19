// The write path's sync work is one statement, the last before COMMIT (so the user's cursor lock
// is held for one round trip) and with no NOTIFY in it (a NOTIFY in the transaction takes
// PostgreSQL's notify-queue lock at commit: bus.ts). The wake-up is announced once the events can
// be read from another connection, with the id the cursor gave, and never for a failed write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool } from '@repo/db';
import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { type TestApi, createTestApi } from '../testing/caller';
import { type QueryProbe, createQueryProbe } from '../testing/explain';
import { type EventsMessage, createLocalBus } from './bus';
import { readEventsAfter } from './log';

type Pool = ReturnType<typeof createPgPool>;
const quiet = { failed: () => {}, recovered: () => {} };

const syncWork = /"SyncCursor"|"SyncEvent"/;
/** What each statement is: the sync statement, COMMIT, or the first words of an entity write. */
const label = (sql: string) =>
  syncWork.test(sql) ? 'sync' : /^\s*(\w+(?: INTO \S+)?)/.exec(sql)?.[1];

// PostgreSQL only (TEST_DATABASE_URL); skipped, not failed, without it.
describe.runIf(testEngines.includes('postgres'))('appending sync events on PostgreSQL', () => {
  let db: TestDatabase;
  let probe: QueryProbe;
  let api: TestApi;
  let readerPool: Pool;
  /**
   * Each announced wake-up, with the last statement the write's Prisma client had finished then,
   * and the user's event ids another connection could read.
   */
  let announced: Promise<{ message: EventsMessage; after?: string; visible: string[] }>[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    readerPool = createPgPool({ connectionString: db.url, max: 1 }, quiet);
    probe = createQueryProbe(db);
    api = createTestApi(probe.db);
    api.services.syncBus = {
      ...createLocalBus(),
      announce: (message) => {
        const after = label(probe.capturedSoFar().at(-1)?.sql ?? '');
        announced.push(
          readerPool
            .query<{ id: string }>(
              // Up to the announced id: the read may run after later writes have committed too.
              'SELECT id::text FROM "SyncEvent" WHERE "userId" = $1::uuid AND id <= $2::bigint ORDER BY id',
              [message.userId, message.lastEventId],
            )
            .then(({ rows }) => ({ message, after, visible: rows.map((r) => r.id) })),
        );
      },
    };
  });
  afterAll(async () => {
    await readerPool?.end();
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
    expect(statements.some((s) => /notify/i.test(s.sql))).toBe(false);
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

  it('announces each write once its events are committed, with the last id, and never a failed one', async () => {
    const { user, caller } = await api.newUser('announce');
    // Captured, so the wake-ups can tell which statement had finished when they came.
    await probe.capture(async () => {
      announced = [];
      // Interactive transactions (the tag, the tagged task) and one-statement writes (the rest).
      const tag = await caller.tag.create({ name: 'first' });
      const task = await caller.task.create({ title: 'untagged' });
      await caller.task.update({ id: task.id, title: 'patched' });
      await caller.task.create({ title: 'tagged', tagIds: [tag.id] });
      await expect(caller.task.update({ id: task.id + 1000, title: 'nobody' })).rejects.toThrow();
    });
    const wakeUps = await Promise.all(announced);
    expect(wakeUps.map(({ message }) => message)).toEqual(
      ['1', '2', '3', '4'].map((lastEventId) => ({ type: 'events', userId: user.id, lastEventId })),
    );
    // A transaction's wake-up comes after its COMMIT has been answered.
    expect([wakeUps[0]!.after, wakeUps[3]!.after]).toEqual(['COMMIT', 'COMMIT']);
    // What a wake-up announces can be read by then: the write had committed.
    for (const { message, visible } of wakeUps) expect(visible.at(-1)).toBe(message.lastEventId);
    const logged = await readEventsAfter(db, user.id, 0n, 10);
    expect(logged.map((e) => e.id)).toEqual([1n, 2n, 3n, 4n]);
    // One read answers all of the user's streams: what it gives is frozen, down to the tags.
    const tagged = logged[3]!.event;
    if (tagged.op !== 'upsert' || tagged.entity !== 'task') throw new Error('not a task upsert');
    expect(tagged.data.tags).toEqual([expect.objectContaining({ name: 'first' })]);
    for (const part of [tagged, tagged.data, tagged.data.tags, tagged.data.tags[0]])
      expect(Object.isFrozen(part)).toBe(true);
  });
});
