// The outbox hazard with sequences, made to happen: two writers' transactions held open and
// committed in reverse order. With the per-user counter's row lock, the second writer cannot take
// an id until the first commits, so ids are in commit order and a reader never skips one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { type TestUser, createTestApi } from '../testing/caller';
import { appendChanges } from './append';
import { canResumeAfter, pruneEvents, readEventsAfter } from './log';

const change = (id: number) => ({ op: 'delete', entity: 'task', id }) as const;

// PostgreSQL only (TEST_DATABASE_URL); skipped, not failed, without it.
describe.runIf(testEngines.includes('postgres'))('event ids on PostgreSQL', () => {
  const engine = 'postgres';
  let db: TestDatabase;
  let me: TestUser;
  beforeAll(async () => {
    db = await createTestDatabase(engine, 4);
    me = await createTestApi(db).newUser('ids');
  });
  afterAll(() => db?.close());

  it('a transaction that commits first never gets an id above one still open', async () => {
    const actor = { userId: me.user.id, sessionId: null };
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstAppended!: () => void;
    const firstHasId = new Promise<void>((resolve) => (firstAppended = resolve));
    const order: string[] = [];

    // First: takes its id, then stays open until told to commit.
    const first = db.prisma.$transaction(
      async (tx) => {
        const id = await appendChanges(tx, actor, [change(1)]);
        firstAppended();
        await firstMayCommit;
        order.push(`first commits ${id}`);
        return id;
      },
      { timeout: 20_000 },
    );
    await firstHasId;
    // Second: starts later and would commit first; its append waits on the counter's lock.
    const second = db.prisma.$transaction(
      async (tx) => {
        const id = await appendChanges(tx, actor, [change(2)]);
        order.push(`second got ${id}`);
        return id;
      },
      { timeout: 20_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(order).toEqual([]);
    // A reader now sees nothing: no id is visible while a lower one may still commit.
    expect(await readEventsAfter(db, me.user.id, 0n, 10)).toEqual([]);
    releaseFirst();
    expect(await Promise.all([first, second])).toEqual(['1', '2']);
    expect(order).toEqual(['first commits 1', 'second got 2']);
    const seen = await readEventsAfter(db, me.user.id, 0n, 10);
    expect(seen.map((e) => [e.id, e.event])).toEqual([
      [1n, { op: 'delete', entity: 'task', id: 1, sessionId: null }],
      [2n, { op: 'delete', entity: 'task', id: 2, sessionId: null }],
    ]);
  });
});

describe.each(testEngines)('retention on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db?.close());

  it('after pruning, only ids whose successors remain (or the head) can be resumed after', async () => {
    const me = await createTestApi(db).newUser('prune');
    const actor = { userId: me.user.id, sessionId: null };
    for (const id of [1, 2, 3, 4])
      await db.prisma.$transaction((tx) => appendChanges(tx, actor, [change(id)]));
    // Events 1 and 2 are old; 3 and 4 are recent.
    await db.prisma.syncEvent.updateMany({
      where: { userId: me.user.id, id: { lte: 2n } },
      data: { createdAt: new Date('2020-01-01T00:00:00Z') },
    });
    expect(await pruneEvents(db.prisma, new Date('2021-01-01T00:00:00Z'), 1)).toBe(2);
    const resumable = await Promise.all(
      [-1n, 0n, 1n, 2n, 3n, 4n, 5n].map((id) => canResumeAfter(db, me.user.id, id)),
    );
    // 0 and 1 would need pruned events; 5 was never given.
    expect(resumable).toEqual([false, false, false, true, true, true, false]);
    expect((await readEventsAfter(db, me.user.id, 2n, 10)).map((e) => e.id)).toEqual([3n, 4n]);
  });
});
