// The live-sync bus across instances: PostgreSQL NOTIFY carries small wake-ups (user id + event
// id) and one LISTEN connection per process receives them, fanning out to its streams by user.
// When that connection drops (database restart), it reconnects with backoff and then tells every
// stream to catch up from the log, so nothing committed meanwhile is missed.
//
// A write's wake-up is announced after its commit (bus.ts says why not in the transaction): this
// process's streams are woken at once, and the others' through one NOTIFY statement in flight at
// a time, carrying every user's newest id announced meanwhile. A process that dies between a
// commit and that statement would leave other instances' streams asleep on events already in the
// log: every SWEEP_MS one query compares the heads of the users streamed to here with the
// wake-ups heard, and wakes the streams of any user whose head moved unannounced.
//
// The listener also hears its own heartbeat: a NOTIFY it sends every HEARTBEAT_MS on a channel of
// its own. PostgreSQL delivers notifications in commit order, so when the heartbeat sent at time S
// comes back, every message committed before S (a revocation included) has been dispatched here:
// the session cache trusts its answers while S is recent (confirmedThrough).
import { randomBytes } from 'node:crypto';
import { type BusMessage, type EventsMessage, type SyncBus, createDispatcher } from '@repo/api';
import { Prisma, createPgPool } from '@repo/db';
import pg from 'pg';
import type { Logger } from 'pino';

const CHANNEL = 'sync_bus';
export const LISTENER_NAME = 'sync-bus-listener';
/** A quarter of the session cache's 1 s bound: one late heartbeat does not cost it its hits. */
const HEARTBEAT_MS = 250;
const SWEEP_MS = 5000;
/** How long a failed wake-up NOTIFY waits before it is sent again. */
const RETRY_NOTIFY_MS = 200;

/** An events wake-up on the wire: the instance that sent it, so it can skip its own. */
type WireEvents = EventsMessage & { from?: string };

const newer = (a: string, b: string | undefined) => b === undefined || BigInt(a) > BigInt(b);

export interface PgBus extends SyncBus {
  /**
   * Monotonic time (performance.now) before which every message committed anywhere has been
   * dispatched here; -Infinity until the first heartbeat is back.
   */
  confirmedThrough(): number;
  close(): Promise<void>;
}

export function createPgBus(
  databaseUrl: string,
  logger: Logger,
  { sweepMs = SWEEP_MS }: { sweepMs?: number } = {},
): PgBus {
  const dispatcher = createDispatcher();
  const self = randomBytes(8).toString('hex');
  /** Per user streamed to here: the newest event id a wake-up has been dispatched for. */
  const heard = new Map<string, string>();
  const dispatch = (message: BusMessage) => {
    if (message.type === 'events' && newer(message.lastEventId, heard.get(message.userId)))
      heard.set(message.userId, message.lastEventId);
    dispatcher.dispatch(message);
  };
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
        const message = JSON.parse(note.payload) as Exclude<BusMessage, EventsMessage> | WireEvents;
        if (message.type !== 'events') return dispatch(message);
        // Our own: dispatched here when announced.
        if (message.from === self) return;
        const { userId, lastEventId } = message;
        dispatch({ type: 'events', userId, lastEventId });
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
      dispatch({ type: 'resume' });
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

  // Wake-ups announced here and not yet NOTIFYed: per user, the newest id.
  const unsent = new Map<string, string>();
  let sending: Promise<void> | null = null;
  let resend: NodeJS.Timeout | undefined;
  const send = (): void => {
    if (sending || resend || unsent.size === 0 || closed) return;
    const batch = [...unsent].map(([userId, lastEventId]) =>
      JSON.stringify({ type: 'events', userId, lastEventId, from: self } satisfies WireEvents),
    );
    const taken = new Map(unsent);
    unsent.clear();
    sending = publisher
      .query('SELECT pg_notify($1, m) FROM unnest($2::text[]) AS m', [CHANNEL, batch])
      .then(
        () => {
          sending = null;
          send();
        },
        (err: unknown) => {
          logger.warn({ err }, 'sync bus: wake-up NOTIFY failed; sending it again');
          for (const [userId, id] of taken)
            if (newer(id, unsent.get(userId))) unsent.set(userId, id);
          sending = null;
          resend = setTimeout(() => {
            resend = undefined;
            send();
          }, RETRY_NOTIFY_MS);
        },
      );
  };
  /** Sends what is unsent now, without waiting out a retry; a failure here is the sweep's to cover. */
  const flush = async () => {
    clearTimeout(resend);
    resend = undefined;
    send();
    while (sending) await sending;
    clearTimeout(resend);
  };

  let sweeping = false;
  const sweep = async () => {
    if (sweeping || closed) return;
    const users = [...dispatcher.users()];
    const streamed = new Set(users);
    for (const userId of heard.keys()) if (!streamed.has(userId)) heard.delete(userId);
    if (users.length === 0) return;
    sweeping = true;
    try {
      const { rows } = await publisher.query<{ userId: string; head: string }>(
        'SELECT "userId"::text AS "userId", "lastEventId"::text AS head FROM "SyncCursor" WHERE "userId" = ANY($1::uuid[])',
        [users],
      );
      for (const { userId, head } of rows)
        if (newer(head, heard.get(userId))) dispatch({ type: 'events', userId, lastEventId: head });
    } catch (err) {
      logger.warn({ err }, 'sync bus: sweep failed');
    } finally {
      sweeping = false;
    }
  };
  const sweeper = setInterval(() => void sweep(), sweepMs).unref();

  void connect(100);
  return {
    confirmedThrough: () => confirmed,
    subscribe: dispatcher.subscribe,
    endLocalStreams: () => dispatch({ type: 'shutdown' }),
    announce(message) {
      dispatch(message);
      if (newer(message.lastEventId, unsent.get(message.userId)))
        unsent.set(message.userId, message.lastEventId);
      send();
    },
    // Queued in the writer's transaction: PostgreSQL delivers it at commit, drops it on rollback.
    async publishInTransaction(tx, message) {
      await tx.$executeRaw(Prisma.sql`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(message)})`);
      return null;
    },
    async close() {
      // Wake-ups announced before shutdown still reach the other instances.
      await flush();
      closed = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      clearInterval(sweeper);
      await listener?.end().catch(() => {});
      await publisher.end();
    },
  };
}
