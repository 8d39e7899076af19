// The PostgreSQL sync bus on a real server: a message queued in a transaction arrives on commit
// and never on rollback, and when its LISTEN connection is killed it reconnects and tells every
// stream to catch up from the log (the wake-ups sent meanwhile are lost). Its heartbeat confirms
// delivery in commit order: what committed before a heartbeat was sent is heard before it.
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
  const heard: BusMessage[] = [];
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
  /** Waits until the bus confirms every message committed before `at`; fails after `ms`. */
  const confirmed = async (at: number, ms = 5000) => {
    const deadline = performance.now() + ms;
    while (bus.confirmedThrough() < at) {
      if (performance.now() > deadline) throw new Error(`not confirmed within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const user = '00000000-0000-4000-8000-000000000001';
  const events = (lastEventId: string): BusMessage => ({
    type: 'events',
    userId: user,
    lastEventId,
  });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    bus = createPgBus(db.url!, createLogger({ logLevel: 'silent' }));
    bus.subscribe(user, (message) => {
      heard.push(message);
      wake();
    });
    // Listening starts with a resume: whatever was sent before is to be read from the log.
    await hear((m) => m.type === 'resume');
  });
  afterAll(async () => {
    await bus?.close();
    await db?.close();
  });

  it('delivers a message queued in a transaction when it commits, never when it rolls back', async () => {
    await db.prisma
      .$transaction(async (tx) => {
        await bus.publishInTransaction(tx, events('1'));
        throw new Error('rolled back');
      })
      .catch(() => {});
    await db.prisma.$transaction(async (tx) => {
      await bus.publishInTransaction(tx, events('2'));
    });
    expect(await hear((m) => m.type === 'events')).toEqual(events('2'));
    expect(heard).toEqual([]);
  });

  it('reconnects after its LISTEN connection is killed, then tells streams to resume', async () => {
    const killed = await db.prisma.$queryRaw<{ killed: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
      WHERE application_name = ${LISTENER_NAME} AND datname = current_database()`;
    expect(killed).toEqual([{ killed: true }]);
    await hear((m) => m.type === 'resume');
    await bus.publish(events('3'));
    expect(await hear((m) => m.type === 'events')).toEqual(events('3'));
  });
  it('confirms a time only once every message committed before it has been heard', async () => {
    for (let round = 0; round < 5; round++) {
      // From another connection, as another instance would: committed, then the clock is read.
      await db.prisma.$transaction(async (tx) => {
        await bus.publishInTransaction(tx, events(`h${round}`));
      });
      const committedBy = performance.now();
      expect(bus.confirmedThrough()).toBeLessThan(committedBy);
      await confirmed(committedBy);
      // Checked in the same tick as the confirmation: no waiting for the message here.
      expect(heard.splice(0)).toEqual([events(`h${round}`)]);
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
