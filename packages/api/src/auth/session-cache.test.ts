// The session cache on its own, over the real in-process bus, with a hand-moved monotonic clock
// and a session "table" the test controls, so every interleaving is deterministic. The same
// guarantees over real databases and HTTP: session-revocation tests in apps/server.
import type { LiveSession } from '@repo/auth';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BusMessage, type SyncBus, createDispatcher } from '../sync/bus';
import {
  SESSION_CACHE_MAX_AGE_MS,
  SESSION_CACHE_TTL_MS,
  createSessionCache,
} from './session-cache';

const wallNow = new Date('2026-12-01T12:00:00Z');
const userA = 'user-a';
const userB = 'user-b';

/** A bus the test delivers to by hand, as a process's listener would. */
type HandBus = Pick<SyncBus, 'subscribe'> & { deliver: (message: BusMessage) => void };
function handBus(): HandBus {
  const dispatcher = createDispatcher();
  return { subscribe: dispatcher.subscribe, deliver: dispatcher.dispatch };
}

/** A session table: `live` answers the query; `loads` counts how often it ran. */
function sessionTable(bus: HandBus = handBus(), { heartbeat = false } = {}) {
  const live = new Map<string, LiveSession>();
  let loads = 0;
  let clock = 0;
  // The bus's heartbeat: every revocation committed before this time has been delivered.
  let confirmed = -Infinity;
  const gates: (() => void)[] = [];
  let gated = false;
  const cache = createSessionCache({
    bus,
    monotonicNow: () => clock,
    ...(heartbeat ? { confirmedThrough: () => confirmed } : {}),
    load: async (userId, sessionId, now) => {
      loads++;
      // Read when the query starts, as PostgreSQL's snapshot would be.
      const row = live.get(sessionId);
      const answer = row && row.user.id === userId && row.expiresAt > now ? row : null;
      if (gated) await new Promise<void>((resolve) => gates.push(resolve));
      return answer;
    },
  });
  const add = (
    sessionId: string,
    userId: string,
    expiresAt = new Date(wallNow.getTime() + 60_000),
  ) =>
    live.set(sessionId, {
      user: {
        id: userId,
        email: `${userId}@example.com`,
        name: null,
        createdAt: wallNow,
        updatedAt: wallNow,
      },
      expiresAt,
    });
  return {
    bus,
    cache,
    add,
    revoke: (sessionId: string) => live.delete(sessionId),
    lookup: (sessionId: string, userId: string, now = wallNow) =>
      cache.lookup(userId, sessionId, now),
    get loads() {
      return loads;
    },
    advance: (ms: number) => (clock += ms),
    /** A heartbeat sent now has come back: everything committed before now was delivered. */
    confirm: () => (confirmed = clock),
    /** Holds every query from now on until `release`. */
    hold: () => (gated = true),
    release: () => {
      gated = false;
      for (const open of gates.splice(0)) open();
    },
  };
}

describe('session cache', () => {
  it('answers a session from memory until its TTL runs out, then asks again', async () => {
    const t = sessionTable();
    t.add('s1', userA);
    expect((await t.lookup('s1', userA))?.user.id).toBe(userA);
    t.advance(SESSION_CACHE_TTL_MS - 1);
    expect((await t.lookup('s1', userA))?.user.id).toBe(userA);
    expect(t.loads).toBe(1);
    t.advance(1);
    t.revoke('s1');
    expect(await t.lookup('s1', userA)).toBeNull();
    expect(t.loads).toBe(2);
  });

  it("drops a user's sessions when the bus says they were revoked, and only that user's", async () => {
    const t = sessionTable();
    t.add('a1', userA);
    t.add('a2', userA);
    t.add('b1', userB);
    await Promise.all([t.lookup('a1', userA), t.lookup('a2', userA), t.lookup('b1', userB)]);
    expect(t.cache.size).toBe(3);
    t.revoke('a1');
    t.bus.deliver({ type: 'sessions', userId: userA });
    expect(t.cache.size).toBe(1);
    expect(await t.lookup('a1', userA)).toBeNull();
    expect((await t.lookup('a2', userA))?.user.id).toBe(userA);
    expect((await t.lookup('b1', userB))?.user.id).toBe(userB);
    expect(t.loads).toBe(5);
  });

  it('forgets everything when the bus listener reconnects (resume)', async () => {
    const t = sessionTable();
    t.add('a1', userA);
    t.add('b1', userB);
    await Promise.all([t.lookup('a1', userA), t.lookup('b1', userB)]);
    t.bus.deliver({ type: 'resume' });
    expect(t.cache.size).toBe(0);
    await t.lookup('b1', userB);
    expect(t.loads).toBe(3);
  });

  it('never stores an answer whose query began before an eviction', async () => {
    const t = sessionTable();
    t.add('a1', userA);
    t.hold();
    const inFlight = t.lookup('a1', userA);
    // The revocation commits and is evicted while the query that read it live is still out.
    t.revoke('a1');
    t.cache.evictUser(userA);
    t.release();
    // That request was concurrent with the revocation, so it may still pass, once.
    expect((await inFlight)?.user.id).toBe(userA);
    expect(t.cache.size).toBe(0);
    expect(await t.lookup('a1', userA)).toBeNull();
  });

  it("never outlives the session's own expiry, nor lends a session to another user's token", async () => {
    const t = sessionTable();
    const expiresAt = new Date(wallNow.getTime() + 500);
    t.add('a1', userA, expiresAt);
    await t.lookup('a1', userA);
    expect(await t.lookup('a1', userA, new Date(expiresAt.getTime()))).toBeNull();
    await t.lookup('a1', userA);
    expect(await t.lookup('a1', userB)).toBeNull();
  });

  it('leaves the bus when its last session of a user goes, and refuses a TTL over 1 s', async () => {
    const local = handBus();
    let subscribed = 0;
    const counting: HandBus = {
      ...local,
      subscribe: (userId, listener) => {
        subscribed++;
        const unsubscribe = local.subscribe(userId, listener);
        return () => {
          subscribed--;
          unsubscribe();
        };
      },
    };
    const t = sessionTable(counting);
    t.add('a1', userA);
    t.add('a2', userA);
    await Promise.all([t.lookup('a1', userA), t.lookup('a2', userA)]);
    expect(subscribed).toBe(1);
    t.cache.evictUser(userA);
    expect(subscribed).toBe(0);
    expect(() =>
      createSessionCache({ bus: local, load: () => Promise.resolve(null), ttlMs: 1001 }),
    ).toThrow('ttlMs must be <= 1000');
  });

  // Any interleaving of lookups, revocations (announced on the bus or lost), reconnects and time:
  // a session revoked and evicted is never answered by a lookup that starts afterwards, and a
  // revoked session is never answered more than the TTL after its revocation.
  it('holds both revocation bounds over random histories', async () => {
    const sessions = ['a1', 'a2', 'b1'];
    const owner = (s: string) => (s.startsWith('a') ? userA : userB);
    const step = fc.oneof(
      fc.record({ op: fc.constant('lookup' as const), session: fc.constantFrom(...sessions) }),
      fc.record({
        op: fc.constant('revoke' as const),
        session: fc.constantFrom(...sessions),
        announced: fc.boolean(),
      }),
      fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 600 }) }),
      fc.record({ op: fc.constant('resume' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }),
        async (steps) => {
          const t = sessionTable();
          let time = 0;
          for (const s of sessions) t.add(s, owner(s));
          /** When each session was revoked, and whether this instance was told. */
          const revoked = new Map<string, { at: number; evicted: boolean }>();
          for (const s of steps) {
            if (s.op === 'advance') time = t.advance(s.ms);
            else if (s.op === 'resume') t.bus.deliver({ type: 'resume' });
            else if (s.op === 'revoke' && !revoked.has(s.session)) {
              t.revoke(s.session);
              revoked.set(s.session, { at: time, evicted: s.announced });
              if (s.announced) t.bus.deliver({ type: 'sessions', userId: owner(s.session) });
            } else if (s.op === 'lookup') {
              const answer = await t.lookup(s.session, owner(s.session));
              const gone = revoked.get(s.session);
              if (answer && gone) {
                expect(gone.evicted).toBe(false);
                expect(time - gone.at).toBeLessThan(SESSION_CACHE_TTL_MS);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('reuses an answer past the TTL while the heartbeat confirms deliveries, up to the max age', async () => {
    const t = sessionTable(undefined, { heartbeat: true });
    t.add('s1', userA);
    await t.lookup('s1', userA);
    // Heartbeats keep coming back: the answer outlives the TTL without another query.
    for (let at = 0; at < SESSION_CACHE_MAX_AGE_MS - 500; at += 500) {
      t.advance(500);
      t.confirm();
      expect((await t.lookup('s1', userA))?.user.id).toBe(userA);
    }
    expect(t.loads).toBe(1);
    // Past the max age it is asked again, heartbeat or not.
    t.advance(500);
    t.confirm();
    await t.lookup('s1', userA);
    expect(t.loads).toBe(2);
  });

  it('falls back to the TTL as soon as the last confirmed heartbeat is a TTL old', async () => {
    const t = sessionTable(undefined, { heartbeat: true });
    t.add('s1', userA);
    t.confirm();
    await t.lookup('s1', userA);
    t.advance(SESSION_CACHE_TTL_MS - 1);
    t.confirm();
    // The heartbeats stop (listener gone): one TTL after the last one, the cache stops trusting.
    t.advance(SESSION_CACHE_TTL_MS - 1);
    expect((await t.lookup('s1', userA))?.user.id).toBe(userA);
    expect(t.loads).toBe(1);
    t.advance(1);
    t.revoke('s1');
    expect(await t.lookup('s1', userA)).toBeNull();
    expect(t.loads).toBe(2);
  });

  // As above, with the heartbeat: a revocation whose message is still in flight (or lost with
  // the listener) holds back every later heartbeat until it arrives or the listener resumes,
  // because PostgreSQL delivers notifications in commit order.
  it('holds the 1 s bound over random histories with the heartbeat', async () => {
    const sessions = ['a1', 'a2', 'b1'];
    const owner = (s: string) => (s.startsWith('a') ? userA : userB);
    const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
    const step = fc.oneof(
      weighted(
        4,
        fc.record({ op: fc.constant('lookup' as const), session: fc.constantFrom(...sessions) }),
      ),
      weighted(
        2,
        fc.record({
          op: fc.constant('revoke' as const),
          session: fc.constantFrom(...sessions),
          delivered: fc.boolean(),
        }),
      ),
      weighted(1, fc.record({ op: fc.constant('deliver' as const) })),
      weighted(1, fc.record({ op: fc.constant('heartbeat' as const) })),
      weighted(
        3,
        fc.record({
          op: fc.constant('advance' as const),
          // Mostly steps around the TTL, some long enough to reach the max age.
          ms: fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 100, max: 1200 }) },
            { weight: 1, arbitrary: fc.integer({ min: 1, max: 40_000 }) },
          ),
        }),
      ),
      weighted(1, fc.record({ op: fc.constant('resume' as const) })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }),
        async (steps) => {
          const t = sessionTable(undefined, { heartbeat: true });
          let time = 0;
          for (const s of sessions) t.add(s, owner(s));
          const revoked = new Map<string, { at: number; evicted: boolean }>();
          /** Revocation messages committed but not yet delivered, oldest first. */
          const inFlight: string[] = [];
          const deliver = (session: string) => {
            revoked.get(session)!.evicted = true;
            t.bus.deliver({ type: 'sessions', userId: owner(session) });
          };
          for (const s of steps) {
            if (s.op === 'advance') time = t.advance(s.ms);
            else if (s.op === 'heartbeat') {
              // A heartbeat sent now arrives after everything in flight.
              for (const session of inFlight.splice(0)) deliver(session);
              t.confirm();
            } else if (s.op === 'deliver') {
              const session = inFlight.shift();
              if (session) deliver(session);
            } else if (s.op === 'resume') {
              // The listener reconnected: what was in flight is lost, and the cache flushed.
              inFlight.length = 0;
              t.bus.deliver({ type: 'resume' });
            } else if (s.op === 'revoke' && !revoked.has(s.session)) {
              t.revoke(s.session);
              revoked.set(s.session, { at: time, evicted: false });
              if (s.delivered) deliver(s.session);
              else inFlight.push(s.session);
            } else if (s.op === 'lookup') {
              const answer = await t.lookup(s.session, owner(s.session));
              const gone = revoked.get(s.session);
              if (answer && gone) {
                expect(gone.evicted).toBe(false);
                expect(time - gone.at).toBeLessThan(SESSION_CACHE_TTL_MS);
              }
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
