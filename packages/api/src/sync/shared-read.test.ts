// Streams of one user share a log read only when it is fresh enough: one query for many streams
// woken together, a new one for a stream woken after the shared read had started.
import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../testing/caller';
import { appendChanges } from './append';
import type { LogSource } from './log';
import { noteArrival, readShared } from './shared-read';

describe.each(testEngines)('shared log reads on %s', (engine) => {
  let db: TestDatabase;
  let counted: LogSource;
  let queries = 0;
  let hold: Promise<void> = Promise.resolve();
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    // The real database, counting the log reads it runs.
    counted = {
      query: async (sql, params) => {
        queries++;
        const rows = await db.query(sql, params);
        // A read can be held after it ran, to stand for one still in flight.
        await hold;
        return rows as never[];
      },
    };
  });
  afterAll(() => db?.close());

  const append = (userId: string, id: number) =>
    db.prisma.$transaction((tx) =>
      appendChanges(tx, { userId, sessionId: null }, [{ op: 'delete', entity: 'task', id }]),
    );

  it('runs one query for streams woken by the same wake-up', async () => {
    const { user } = await createTestApi(db).newUser('shared');
    await append(user.id, 1);
    queries = 0;
    const needed = [noteArrival(), noteArrival(), noteArrival()];
    const reads = await Promise.all(needed.map((n) => readShared(counted, user.id, 0n, 10, n)));
    expect(queries).toBe(1);
    expect(reads.map((events) => events.map((e) => e.id))).toEqual([[1n], [1n], [1n]]);
  });

  it('does not hand a stream a read that started before its wake-up', async () => {
    const { user } = await createTestApi(db).newUser('fresh');
    queries = 0;
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const early = readShared(counted, user.id, 0n, 10, noteArrival());
    await new Promise((resolve) => setTimeout(resolve, 200));
    await append(user.id, 1);
    // The wake-up for event 1 arrives while the early (empty) read is still in flight.
    const late = readShared(counted, user.id, 0n, 10, noteArrival());
    release();
    expect((await early).map((e) => e.id)).toEqual([]);
    expect((await late).map((e) => e.id)).toEqual([1n]);
    expect(queries).toBe(2);
  });
});
