// A per-process cache of live sessions, so most authenticated requests skip the session query
// (issue 14). Revocation is an event on the live-sync bus: every instance drops the user's
// cached sessions when it arrives, the revoking instance before it answers (evictUser), and a
// reconnected bus listener (messages may have been lost) flushes everything. The TTL is the
// safety net when a message is lost anyway: an answer is reused for at most `ttlMs` after its
// query began, so a session revoked on another instance stops working within `ttlMs` even
// without the bus. ttlMs must therefore stay <= 1 s, the bound.
//
// With `confirmedThrough` (the bus's heartbeat, pg-bus.ts) an answer lives longer: every
// revocation committed before that time has been delivered here, so while it is within `ttlMs`
// of now, a revocation older than `ttlMs` has already evicted its entries and the bound holds
// without asking the database again. Up to MAX_AGE_MS: the cached user (name, updatedAt) has
// no event of its own when it changes.
import type { LiveSession, LiveSessionLookup } from '@repo/auth';
import type { BusMessage, SyncBus } from '../sync/bus';

export const SESSION_CACHE_TTL_MS = 1000;
/** How long a heartbeat-confirmed answer may be reused after its query began. */
export const SESSION_CACHE_MAX_AGE_MS = 30_000;
/** Enough for every session active within one TTL on a busy instance; beyond it, start over. */
const MAX_ENTRIES = 100_000;
/** Expired entries (and their bus subscriptions) are swept every this many inserts. */
const SWEEP_EVERY = 1024;

export interface SessionCache {
  /** `load` (the query) behind the cache; its answer for the same arguments. */
  lookup: LiveSessionLookup;
  /** Forgets the user's sessions at once: this instance has just revoked one of them. */
  evictUser(userId: string): void;
  /** Forgets everything (the bus listener reconnected: revocations may have been missed). */
  flush(): void;
  readonly size: number;
}

export interface SessionCacheOptions {
  bus: Pick<SyncBus, 'subscribe'>;
  load: LiveSessionLookup;
  ttlMs?: number;
  /** Monotonic milliseconds; the wall clock may jump. */
  monotonicNow?: () => number;
  /**
   * Monotonic time (same clock) before which every revocation committed anywhere has reached
   * `bus`; without it, answers live `ttlMs` only.
   */
  confirmedThrough?: () => number;
}

interface Entry {
  userId: string;
  session: LiveSession;
  /** Monotonic time until which the answer may be reused whatever the bus says. */
  freshUntil: number;
  /** Until when it may be reused while the bus confirms its deliveries (swept after). */
  keepUntil: number;
}

interface CachedUser {
  sessionIds: Set<string>;
  unsubscribe: () => void;
}

export function createSessionCache(options: SessionCacheOptions): SessionCache {
  const { bus, load } = options;
  const ttlMs = options.ttlMs ?? SESSION_CACHE_TTL_MS;
  if (ttlMs > SESSION_CACHE_TTL_MS) throw new Error(`ttlMs must be <= ${SESSION_CACHE_TTL_MS}`);
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const { confirmedThrough } = options;
  const keepMs = confirmedThrough ? SESSION_CACHE_MAX_AGE_MS : ttlMs;
  const usable = (entry: Entry, now: number) =>
    now < entry.freshUntil ||
    (confirmedThrough !== undefined && now < entry.keepUntil && now - confirmedThrough() < ttlMs);
  const entries = new Map<string, Entry>();
  const users = new Map<string, CachedUser>();
  // Bumped by every eviction: a query that began before one may have read a session that is
  // revoked by now, so its answer is used once (for its own, concurrent request) but not stored.
  let epoch = 0;
  let inserts = 0;

  const onMessage = (message: BusMessage) => {
    if (message.type === 'sessions') evictUser(message.userId);
    else if (message.type === 'resume') flush();
  };

  function remove(sessionId: string, entry: Entry): void {
    entries.delete(sessionId);
    const user = users.get(entry.userId);
    if (!user) return;
    user.sessionIds.delete(sessionId);
    if (user.sessionIds.size === 0) {
      users.delete(entry.userId);
      user.unsubscribe();
    }
  }

  function evictUser(userId: string): void {
    epoch++;
    const user = users.get(userId);
    if (!user) return;
    users.delete(userId);
    user.unsubscribe();
    for (const sessionId of user.sessionIds) entries.delete(sessionId);
  }

  function flush(): void {
    epoch++;
    for (const user of users.values()) user.unsubscribe();
    users.clear();
    entries.clear();
  }

  function sweep(now: number): void {
    for (const [sessionId, entry] of entries) if (entry.keepUntil <= now) remove(sessionId, entry);
  }

  function store(userId: string, sessionId: string, session: LiveSession, startedAt: number) {
    if (++inserts % SWEEP_EVERY === 0 || entries.size >= MAX_ENTRIES) sweep(monotonicNow());
    if (entries.size >= MAX_ENTRIES) flush();
    let user = users.get(userId);
    if (!user) {
      user = { sessionIds: new Set(), unsubscribe: bus.subscribe(userId, onMessage) };
      users.set(userId, user);
    }
    user.sessionIds.add(sessionId);
    entries.set(sessionId, {
      userId,
      session,
      freshUntil: startedAt + ttlMs,
      keepUntil: startedAt + keepMs,
    });
  }

  return {
    async lookup(userId, sessionId, now) {
      const entry = entries.get(sessionId);
      if (entry) {
        // The user id is the token's claim: a session is only ever its own user's.
        if (
          entry.userId === userId &&
          usable(entry, monotonicNow()) &&
          entry.session.expiresAt > now
        )
          return entry.session;
        remove(sessionId, entry);
      }
      const startedEpoch = epoch;
      // Aged from when the query began: whatever it read was live at that moment or later.
      const startedAt = monotonicNow();
      const session = await load(userId, sessionId, now);
      if (session && epoch === startedEpoch) store(userId, sessionId, session, startedAt);
      return session;
    },
    evictUser,
    flush,
    get size() {
      return entries.size;
    },
  };
}
