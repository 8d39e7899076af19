// The live-sync bus across instances: PostgreSQL NOTIFY carries small wake-ups (user id + event
// id) and one LISTEN connection per process receives them, fanning out to its streams by user.
// When that connection drops (database restart), it reconnects with backoff and then tells every
// stream to catch up from the log, so nothing committed meanwhile is missed.
//
// The listener also hears its own heartbeat: a NOTIFY it sends every HEARTBEAT_MS on a channel of
// its own. PostgreSQL delivers notifications in commit order, so when the heartbeat sent at time S
// comes back, every message committed before S (a revocation included) has been dispatched here:
// the session cache trusts its answers while S is recent (confirmedThrough).
import { randomBytes } from 'node:crypto';
import { type BusMessage, type SyncBus, createDispatcher } from '@repo/api';
import { Prisma, createPgPool } from '@repo/db';
import pg from 'pg';
import type { Logger } from 'pino';

const CHANNEL = 'sync_bus';
export const LISTENER_NAME = 'sync-bus-listener';
/** A quarter of the session cache's 1 s bound: one late heartbeat does not cost it its hits. */
const HEARTBEAT_MS = 250;

export interface PgBus extends SyncBus {
  /**
   * Monotonic time (performance.now) before which every message committed anywhere has been
   * dispatched here; -Infinity until the first heartbeat is back.
   */
  confirmedThrough(): number;
  close(): Promise<void>;
}

export function createPgBus(databaseUrl: string, logger: Logger): PgBus {
  const dispatcher = createDispatcher();
  const publisher = createPgPool(
    { connectionString: databaseUrl, max: 2 },
    {
      failed: (err) => logger.warn({ err }, 'sync bus publisher connection lost'),
      recovered: () => {},
    },
  );
  let listener: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  // This process's own channel (an identifier: lowercase hex only), so no one else hears it.
  const heartbeatChannel = `sync_heartbeat_${randomBytes(8).toString('hex')}`;
  let confirmed = -Infinity;
  let beating = false;

  const connect = async (delayMs: number): Promise<void> => {
    // Named, so operators (and the reconnect test) can tell it apart in pg_stat_activity.
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: LISTENER_NAME,
    });
    client.on('notification', (note) => {
      if (note.channel === heartbeatChannel) {
        if (listener === client) confirmed = Math.max(confirmed, Number(note.payload));
        return;
      }
      if (!note.payload) return;
      try {
        dispatcher.dispatch(JSON.parse(note.payload) as BusMessage);
      } catch (err) {
        logger.warn({ err }, 'sync bus: unreadable notification');
      }
    });
    client.on('error', (err) => logger.warn({ err }, 'sync bus listener connection lost'));
    client.on('end', () => {
      if (closed || listener !== client) return;
      listener = null;
      schedule(delayMs);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}; LISTEN ${heartbeatChannel}`);
      listener = client;
      // Wake-ups sent before we listened are lost: every stream re-reads the log.
      dispatcher.dispatch({ type: 'resume' });
    } catch (err) {
      logger.warn({ err }, 'sync bus: cannot listen yet; retrying');
      await client.end().catch(() => {});
      schedule(delayMs);
    }
  };
  const schedule = (delayMs: number) => {
    if (closed) return;
    retry = setTimeout(() => {
      void connect(Math.min(delayMs * 2, 5000));
    }, delayMs);
  };

  const beat = () => {
    const client = listener;
    if (!client || beating) return;
    beating = true;
    // Taken before the NOTIFY is sent, so it is before the NOTIFY commits.
    const sentAt = performance.now();
    client
      .query('SELECT pg_notify($1, $2)', [heartbeatChannel, String(sentAt)])
      // A lost connection is the 'end' handler's to repair; the heartbeat just stops meanwhile.
      .catch(() => {})
      .finally(() => (beating = false));
  };
  const heartbeat = setInterval(beat, HEARTBEAT_MS).unref();

  void connect(100);
  return {
    confirmedThrough: () => confirmed,
    // Writers append their events and queue this channel's NOTIFY in one statement (append.ts).
    notifyChannel: CHANNEL,
    subscribe: dispatcher.subscribe,
    endLocalStreams: () => dispatcher.dispatch({ type: 'shutdown' }),
    async publish(message) {
      try {
        await publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]);
      } catch (err) {
        // The change has committed; its streams see it at their next wake-up or reconnect.
        logger.warn({ err }, 'sync bus: publish failed');
      }
    },
    // Queued in the writer's transaction: PostgreSQL delivers it at commit, drops it on rollback.
    async publishInTransaction(tx, message) {
      await tx.$executeRaw(Prisma.sql`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(message)})`);
      return null;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      await listener?.end().catch(() => {});
      await publisher.end();
    },
  };
}
