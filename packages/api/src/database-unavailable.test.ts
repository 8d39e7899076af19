import { type TestDatabase, createTestDatabase, testDatabaseUrl } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './errors';
import { createTestApi } from './testing/caller';

// The shapes Prisma 7 with @prisma/adapter-pg produces (copied from a pg_terminate_backend run).
const prismaError = (cause: Record<string, unknown>) =>
  Object.assign(new Error('Invalid `prisma.task.create()` invocation'), {
    code: 'P2010',
    meta: { driverAdapterError: Object.assign(new Error(String(cause.message)), { cause }) },
  });

describe('isDatabaseUnavailable', () => {
  it.each(['57P01', '57P02', '57P03', '08006'])(
    'sees PostgreSQL %s behind meta.driverAdapterError',
    (code) => {
      const error = prismaError({ kind: 'postgres', code, message: 'terminating connection' });
      expect(isDatabaseUnavailable(error)).toBe(true);
      // Wrapped once more, as tRPC hands it to middleware.
      expect(isDatabaseUnavailable(new Error('wrapped', { cause: error }))).toBe(true);
    },
  );

  it("sees the adapter's own kinds for a lost server", () => {
    expect(isDatabaseUnavailable(prismaError({ kind: 'DatabaseNotReachable' }))).toBe(true);
    expect(isDatabaseUnavailable(prismaError({ kind: 'ConnectionClosed' }))).toBe(true);
  });

  it('leaves real query errors alone', () => {
    expect(isDatabaseUnavailable(prismaError({ kind: 'postgres', code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(prismaError({ kind: 'UnsupportedNativeDataType' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});

/** Holds a pool of one connection in an open transaction; the returned function ends it. */
async function holdTheOnlyConnection(db: TestDatabase): Promise<() => Promise<void>> {
  let release = () => {};
  let holding = () => {};
  const holds = new Promise<void>((resolve) => (holding = resolve));
  const held = db.prisma.$transaction(
    () => {
      holding();
      return new Promise<void>((resolve) => (release = resolve));
    },
    { timeout: 20_000 },
  );
  await holds;
  return async () => {
    release();
    await held;
  };
}

describe.runIf(testDatabaseUrl)('isDatabaseUnavailable on a real exhausted pool', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgres', 1);
  });
  afterAll(() => db?.close());

  // Every connection busy for longer than a transaction may wait: the server is overloaded, so
  // the client should retry (503), not report a bug (500).
  it('sees a transaction that could not start in time', async () => {
    let release = () => {};
    const held = db.prisma.$transaction(() => new Promise<void>((resolve) => (release = resolve)), {
      timeout: 10_000,
    });
    const error = await db.prisma
      .$transaction(async (tx) => tx.user.count(), { maxWait: 100 })
      .then(
        () => null,
        (e: unknown) => e,
      );
    release();
    await held;
    expect((error as { code?: string } | null)?.code).toBe('P2028');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
  // The hot reads in plain SQL (the task page, the sync log) get pg's own error, not Prisma's.
  it('sees a plain SQL read that could not get a connection in time', async () => {
    const release = await holdTheOnlyConnection(db);
    const error = await db.query('SELECT 1').then(
      () => null,
      (e: unknown) => e,
    );
    await release();
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
  }, 20_000);

  // A live-sync stream reads the log long after tRPC's middleware has run: the same overload
  // must end it with SERVICE_UNAVAILABLE (the client resumes from its last id), not INTERNAL.
  it('ends a sync stream whose read cannot get a connection with SERVICE_UNAVAILABLE', async () => {
    const { caller } = await createTestApi(db).newUser('stream');
    const events = (await caller.sync.events({ lastEventId: '0' })) as AsyncIterable<unknown>;
    const release = await holdTheOnlyConnection(db);
    // The stream's first read (may it resume after id 0?) waits for the pool's one connection.
    const error = await events[Symbol.asyncIterator]()
      .next()
      .then(
        () => null,
        (e: unknown) => e,
      );
    await release();
    expect(error).toMatchObject({ appCode: 'SERVICE_UNAVAILABLE', retryAfter: 1 });
  }, 20_000);
});
