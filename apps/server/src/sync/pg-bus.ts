// The live-sync bus across instances: PostgreSQL NOTIFY carries small wake-ups (user id + event
// id) and one LISTEN connection per process receives them, fanning out to its streams by user.
// When that connection drops (database restart), it reconnects with backoff and then tells every
// stream to catch up from the log, so nothing committed meanwhile is missed.
import { type BusMessage, type SyncBus, createDispatcher } from '@repo/api';
import { Prisma, createPgPool } from '@repo/db';
import pg from 'pg';
import type { Logger } from 'pino';

const CHANNEL = 'sync_bus';
export const LISTENER_NAME = 'sync-bus-listener';

export interface PgBus extends SyncBus {
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

  const connect = async (delayMs: number): Promise<void> => {
    // Named, so operators (and the reconnect test) can tell it apart in pg_stat_activity.
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: LISTENER_NAME,
    });
    client.on('notification', (note) => {
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
      await client.query(`LISTEN ${CHANNEL}`);
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

  void connect(100);
  return {
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
      await listener?.end().catch(() => {});
      await publisher.end();
    },
  };
}
