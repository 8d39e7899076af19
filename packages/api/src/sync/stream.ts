// One live-sync stream: replay from lastEventId, then live events as the bus wakes it, until the
// client leaves, its token expires or its session is revoked. No polling: between wake-ups the
// stream waits on a promise; each wake-up reads the log past its cursor, so a lost or coalesced
// wake-up costs nothing but latency, and nothing is ever yielded twice on one connection. A gap
// in the ids read (events pruned under a lagging stream) answers resync instead of a silent skip.
import { tracked } from '@trpc/server';
import type { SyncEvent } from '@repo/validators';
import type { Context } from '../context';
import { AppError, isDatabaseUnavailable } from '../errors';
import type { AuthContext } from '../services';
import { canResumeAfter, headEventId } from './log';
import { noteArrival, readShared } from './shared-read';

const BATCH = 500;

/** A level-triggered wake-up: a notify that lands while nobody waits is kept for the next wait. */
function createWaker() {
  let pending = false;
  let resolve: (() => void) | undefined;
  return {
    notify() {
      pending = true;
      resolve?.();
    },
    /** Resolves at the next notify (at once if one is pending), or after `ms`. */
    wait(ms: number): Promise<void> {
      if (pending) return Promise.resolve();
      return new Promise<void>((done) => {
        const timer = setTimeout(done, ms);
        resolve = () => {
          clearTimeout(timer);
          done();
        };
      }).finally(() => {
        resolve = undefined;
      });
    },
    take() {
      const was = pending;
      pending = false;
      return was;
    },
  };
}

/** Ids are decimal strings; anything else (garbage, overlong) answers resync. */
function parseEventId(value: string): bigint | null {
  return /^\d{1,19}$/.test(value) ? BigInt(value) : null;
}

const resync: SyncEvent = Object.freeze({ op: 'resync' });

const expired = () => new AppError('TOKEN_EXPIRED', 'Access token expired');

export async function* syncStream(
  ctx: Context,
  auth: AuthContext,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
) {
  const { db, services } = ctx;
  const userId = auth.user.id;
  const waker = createWaker();
  let sessionsChanged = false;
  let shuttingDown = false;
  // The wake-up count the next read must have started at, to see what woke us.
  let needed = noteArrival();
  const unsubscribe = services.syncBus.subscribe(userId, (message) => {
    needed = noteArrival();
    if (message.type === 'shutdown') shuttingDown = true;
    else if (message.type !== 'events') sessionsChanged = true;
    waker.notify();
  });
  const onAbort = () => waker.notify();
  signal?.addEventListener('abort', onAbort);
  let evicted = false;
  const release = services.syncStreams?.open(userId, () => {
    evicted = true;
    waker.notify();
  });
  try {
    let cursor: bigint;
    if (lastEventId == null) {
      cursor = await headEventId(db, userId);
    } else {
      const asked = parseEventId(lastEventId);
      if (asked !== null && (await canResumeAfter(db, userId, asked))) cursor = asked;
      else {
        cursor = await headEventId(db, userId);
        yield tracked(cursor.toString(), resync);
      }
    }
    while (!signal?.aborted && !evicted) {
      waker.take();
      // A 503 rather than a clean end: clients reconnect (elsewhere) with their lastEventId.
      if (shuttingDown)
        throw new AppError('SERVICE_UNAVAILABLE', 'Server is restarting', { retryAfter: 1 });
      if (sessionsChanged) {
        sessionsChanged = false;
        // Re-verifies the token and its session in one query; revoked: UNAUTHORIZED ends us.
        await services.authenticate(ctx.request.authorization);
      }
      const batch = await readShared(db, userId, cursor, BATCH, needed);
      let gap = false;
      for (const { id, event } of batch) {
        if (signal?.aborted) return;
        // Ids are dense per user, so a jump means events past the cursor are gone (pruned while
        // this stream lagged behind the retention): going on would skip them without a word.
        if (id !== cursor + 1n) {
          gap = true;
          break;
        }
        yield tracked(id.toString(), event);
        cursor = id;
      }
      if (gap) {
        cursor = await headEventId(db, userId);
        yield tracked(cursor.toString(), resync);
        continue;
      }
      if (batch.length === BATCH) continue;
      const left = auth.expiresAt ? auth.expiresAt.getTime() - services.now().getTime() : Infinity;
      if (left <= 0) throw expired();
      // setTimeout's limit is ~24.8 days; a token living longer is rechecked then.
      await waker.wait(Math.min(left, 2 ** 31 - 1));
    }
  } catch (error) {
    // Past tRPC's middleware (mapUnavailable sees only the call that opened the stream): an
    // overloaded or lost database ends the stream with a 503, and the client resumes from its
    // lastEventId, rather than with a 500 that reads as a bug.
    if (!(error instanceof AppError) && isDatabaseUnavailable(error))
      throw new AppError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly', {
        cause: error,
        retryAfter: 1,
      });
    throw error;
  } finally {
    release?.();
    unsubscribe();
    signal?.removeEventListener('abort', onAbort);
  }
}
