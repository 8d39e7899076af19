// The PostgreSQL sync bus on a real server: a message queued in a transaction arrives on commit
// and never on rollback; a write's announced wake-up reaches this instance at once and another
// instance through the database, newest id last, never twice here; a head that moved with no
// wake-up (a writer that died before announcing) is found by the sweep; closing sends what was
// announced first; when its LISTEN connection is killed it reconnects and tells every stream to
// catch up from the log (the wake-ups sent meanwhile are lost). Its heartbeat confirms delivery in commit order: what
// committed before a heartbeat was sent is heard before it.
import type { BusMessage } from '@repo/api';
import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { LISTENER_NAME, type PgBus, createPgBus } from '../src/sync/pg-bus';

// PostgreSQL only (TEST_DATABASE_URL); skipped, not failed, without it.
describe.runIf(testEngines.includes('postgres'))('PostgreSQL sync bus', () => {
  const engine = 'postgres';
  let db: TestDatabase;
  let bus: PgBus;
  /** Another instance's bus, sweeping often. */
  let other: PgBus;
  const SWEEP_MS = 200;
  const heard: BusMessage[] = [];
  const heardThere: BusMessage[] = [];
  let wake = () => {};
  /** Waits until a message matching `match` has been heard; fails after `ms`. */
  const hear = async (match: (m: BusMessage) => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!heard.some(match)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`not heard within ${ms} ms: ${JSON.stringify(heard)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const index = heard.findIndex(match);
    return heard.splice(index, 1)[0]!;
  };
  /** Waits until `done()`; fails after `ms`. */
  const until = async (done: () => boolean, ms = 5000) => {
    const deadline = performance.now() + ms;
    while (!done()) {
      if (performance.now() > deadline) throw new Error(`not so within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const confirmedThere = (at: number) => until(() => other.confirmedThrough() >= at);
  /** Waits until the bus confirms every message committed before `at`; fails after `ms`. */
  const confirmed = async (at: number, ms = 5000) => {
    const deadline = performance.now() + ms;
    while (bus.confirmedThrough() < at) {
      if (performance.now() > deadline) throw new Error(`not confirmed within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  let user = '';
  const events = (lastEventId: string) => ({ type: 'events', userId: user, lastEventId }) as const;
  const sessions = (): BusMessage => ({ type: 'sessions', userId: user });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    // A real user: the sweep reads its SyncCursor row, which references it.
    ({ id: user } = await db.prisma.user.create({ data: { email: 'bus@example.com' } }));
    const logger = createLogger({ logLevel: 'silent' });
    // This one sweeps only when a test waits for it (never, here).
    bus = createPgBus(db.url!, logger, { sweepMs: 60_000 });
    bus.subscribe(user, (message) => {
      heard.push(message);
      wake();
    });
    other = createPgBus(db.url!, logger, { sweepMs: SWEEP_MS });
    other.subscribe(user, (message) => {
      heardThere.push(message);
    });
    // Listening starts with a resume: whatever was sent before is to be read from the log.
    await hear((m) => m.type === 'resume');
    await until(() => heardThere.some((m) => m.type === 'resume'));
    heardThere.splice(0);
  });
  afterAll(async () => {
    await other?.close();
    await bus?.close();
    await db?.close();
  });

  it('delivers a message queued in a transaction when it commits, never when it rolls back', async () => {
    await db.prisma
      .$transaction(async (tx) => {
        await bus.publishInTransaction(tx, { type: 'resume' });
        throw new Error('rolled back');
      })
      .catch(() => {});
    await db.prisma.$transaction(async (tx) => {
      await bus.publishInTransaction(tx, sessions());
    });
    expect(await hear((m) => m.type === 'sessions')).toEqual(sessions());
    await confirmed(performance.now());
    expect(heard).toEqual([]);
    heardThere.splice(0);
  });

  it('wakes this instance at once and the other through the database, the newest id last, never twice here', async () => {
    other.announce(events('10'));
    other.announce(events('11'));
    other.announce(events('12'));
    // Dispatched here before announce returned, each once.
    expect(heardThere.splice(0)).toEqual([events('10'), events('11'), events('12')]);
    // Coalesced on the way: the first NOTIFY carries 10, the next everything announced since.
    expect(await hear((m) => m.type === 'events' && m.lastEventId === '12')).toEqual(events('12'));
    heard.splice(0);
    // The sender's own NOTIFYs come back to it and are skipped: still nothing more there.
    await confirmedThere(performance.now());
    expect(heardThere).toEqual([]);
  });

  it('wakes the streams of a user whose head moved with no wake-up announced', async () => {
    // As a writer that committed and died before announcing would leave it.
    await db.prisma.$executeRaw`
      INSERT INTO "SyncCursor" ("userId", "lastEventId") VALUES (${user}::uuid, 40)
      ON CONFLICT ("userId") DO UPDATE SET "lastEventId" = 40`;
    await until(() => heardThere.length > 0, SWEEP_MS * 10);
    expect(heardThere.splice(0)).toEqual([events('40')]);
    // Heard now: the next sweeps stay quiet.
    await new Promise((resolve) => setTimeout(resolve, SWEEP_MS * 3));
    expect(heardThere).toEqual([]);
  });

  it('reconnects after its LISTEN connection is killed, then tells streams to resume', async () => {
    const killed = await db.prisma.$queryRaw<{ killed: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
      WHERE application_name = ${LISTENER_NAME} AND datname = current_database()`;
    expect(killed).toEqual([{ killed: true }, { killed: true }]);
    await hear((m) => m.type === 'resume');
    await until(() => heardThere.some((m) => m.type === 'resume'));
    heardThere.splice(0);
    other.announce(events('41'));
    expect(await hear((m) => m.type === 'events')).toEqual(events('41'));
  });

  it('sends every wake-up announced before it closes', async () => {
    const leaving = createPgBus(db.url!, createLogger({ logLevel: 'silent' }), { sweepMs: 60_000 });
    // The first goes out at once; the second waits for it, then for close to send it.
    leaving.announce(events('50'));
    leaving.announce(events('51'));
    await leaving.close();
    expect(await hear((m) => m.type === 'events' && m.lastEventId === '51')).toEqual(events('51'));
    heard.splice(0);
  });

  it('confirms a time only once every message committed before it has been heard', async () => {
    for (let round = 0; round < 5; round++) {
      // From another connection, as another instance would: committed, then the clock is read.
      await db.prisma.$transaction(async (tx) => {
        await bus.publishInTransaction(tx, sessions());
      });
      const committedBy = performance.now();
      expect(bus.confirmedThrough()).toBeLessThan(committedBy);
      await confirmed(committedBy);
      // Checked in the same tick as the confirmation: no waiting for the message here.
      expect(heard.splice(0)).toEqual([sessions()]);
    }
  });

  it('goes on confirming after its listener reconnects', async () => {
    await db.prisma.$queryRaw`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = ${LISTENER_NAME} AND datname = current_database()`;
    await hear((m) => m.type === 'resume');
    // The new connection listens on the heartbeat's channel too.
    await confirmed(performance.now());
  });
});
