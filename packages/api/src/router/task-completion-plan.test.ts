// The next occurrence of a recurring task is searched before the completing transaction opens,
// never inside it (issue 16: a slow search inside an open transaction held a pooled connection
// and a row lock, and other users' requests failed). Proven on PostgreSQL with the row locked by
// another transaction: by the time the completion waits for that lock, its search is done.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type TestDatabase, createTestDatabase, testDatabaseUrl } from '@repo/db/testing';
import { type TestApi, createTestApi } from '../testing/caller';
import type * as recurrence from './task/recurrence';
import { nextOccurrence } from './task/recurrence';

vi.mock('./task/recurrence', async (importOriginal) => {
  const actual = await importOriginal<typeof recurrence>();
  return { ...actual, nextOccurrence: vi.fn(actual.nextOccurrence) };
});
const search = vi.mocked(nextOccurrence);

// PGlite has one connection: a second transaction could not hold the lock meanwhile.
describe.runIf(testDatabaseUrl)('completion planned before its transaction (PostgreSQL)', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    api = createTestApi(db);
  });
  afterAll(() => db?.close());

  const waitingForLock = async () => {
    for (let i = 0; i < 200; i++) {
      const [row] = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (row!.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the completion never waited for the row lock');
  };

  /** Holds the task's row lock in a transaction of its own until `release` is called. */
  function lockTask(
    id: number,
    whileLocked: (tx: typeof db.prisma) => Promise<void> = async () => {},
  ) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ${id} FOR UPDATE`;
        locked();
        await released;
        await whileLocked(tx as typeof db.prisma);
      },
      { timeout: 20_000 },
    );
    return { isLocked, release, holder };
  }

  it('has searched the next occurrence when it starts waiting for the row lock', async () => {
    const me = await api.newUser('plan');
    const task = await me.caller.task.create({
      title: 'Standup',
      dueDate: new Date('2026-01-05T09:00:00Z'),
      recurrenceRule: 'FREQ=DAILY',
    });
    const lock = lockTask(task.id);
    await lock.isLocked;
    search.mockClear();

    const completing = me.caller.task.toggleComplete({ id: task.id });
    await waitingForLock();
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('FREQ=DAILY', new Date('2026-01-05T09:00:00Z'));

    lock.release();
    await lock.holder;
    await completing;
    expect(search).toHaveBeenCalledTimes(1);
    const { items } = await me.caller.task.list({ sort: 'createdAt', order: 'asc' });
    expect(items.map((t) => [t.completed, t.dueDate])).toEqual([
      [true, new Date('2026-01-05T09:00:00Z')],
      [false, new Date('2026-01-06T09:00:00Z')],
    ]);
  });

  it('plans again when the rule changed between its plan and the lock', async () => {
    const me = await api.newUser('replan');
    const task = await me.caller.task.create({
      title: 'Review',
      dueDate: new Date('2026-01-05T09:00:00Z'),
      recurrenceRule: 'FREQ=DAILY',
    });
    // Another writer changes the rule to weekly while the completion waits for the lock.
    const lock = lockTask(task.id, async (tx) => {
      await tx.task.update({ where: { id: task.id }, data: { recurrenceRule: 'FREQ=WEEKLY' } });
    });
    await lock.isLocked;
    search.mockClear();

    const completing = me.caller.task.update({ id: task.id, completed: true });
    await waitingForLock();
    lock.release();
    await lock.holder;
    await completing;

    // Planned twice (daily, then weekly); the next task follows the rule that was committed.
    expect(search.mock.calls.map(([rule]) => rule)).toEqual(['FREQ=DAILY', 'FREQ=WEEKLY']);
    const { items } = await me.caller.task.list({ sort: 'createdAt', order: 'asc' });
    expect(items.map((t) => [t.completed, t.recurrenceRule, t.dueDate])).toEqual([
      [true, 'FREQ=WEEKLY', new Date('2026-01-05T09:00:00Z')],
      [false, 'FREQ=WEEKLY', new Date('2026-01-12T09:00:00Z')],
    ]);
  });
});
