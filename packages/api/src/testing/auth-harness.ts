// Router-level test harness for anything behind auth: real packages/auth services over a test
// database, a hand-moved clock, an in-memory rate limiter and a response that records cookies.
import { randomBytes } from 'node:crypto';
import { type ExternalIssuer, createAccessTokens, findLiveSession } from '@repo/auth';
import { manualClock } from '@repo/auth/testing';
import type { Database } from '@repo/db';
import { createAuthenticate } from '../auth/authenticate';
import { createSessionCache } from '../auth/session-cache';
import { type RequestInfo, type ResponseControl, createContextInner } from '../context';
import { appRouter } from '../root';
import type { RateLimiter, Services } from '../services';
import { type SyncBus, createLocalBus } from '../sync/bus';
import { createCallerFactory } from '../trpc';

export const testJwt = {
  secret: 'router-test-secret-0123456789abcdef0123456789',
  issuer: 'typed-backend-test',
  audience: 'typed-backend-test-clients',
};

/** A fixed budget per key, no window: tests reset it instead of waiting a minute. */
export function countingLimiter(points: number): RateLimiter & { reset(): void } {
  const spent = new Map<string, number>();
  return {
    consume(key) {
      const used = (spent.get(key) ?? 0) + 1;
      spent.set(key, used);
      return Promise.resolve(
        used > points ? { allowed: false, retryAfterSeconds: 42 } : { allowed: true },
      );
    },
    refund(key) {
      spent.set(key, Math.max(0, (spent.get(key) ?? 0) - 1));
      return Promise.resolve();
    },
    reset: () => spent.clear(),
  };
}

export type CookieEvent = { set: string; expiresAt: Date } | { cleared: true };

export function recordingResponse(): ResponseControl & { events: CookieEvent[] } {
  const events: CookieEvent[] = [];
  return {
    events,
    setRefreshCookie: (token, expiresAt) => events.push({ set: token, expiresAt }),
    clearRefreshCookie: () => events.push({ cleared: true }),
  };
}

const createCaller = createCallerFactory(appRouter);

export function createAuthHarness(
  db: Database,
  options: {
    points?: number;
    accountPoints?: number;
    external?: ExternalIssuer;
    /** Default: the in-process bus, which delivers every message at once. */
    syncBus?: SyncBus;
  } = {},
) {
  const clock = manualClock(new Date());
  const accessTokens = createAccessTokens(testJwt);
  const limiter = countingLimiter(options.points ?? 1_000_000);
  const syncBus = options.syncBus ?? createLocalBus();
  // As in production: revocations through the procedures evict it, so router tests prove that.
  const sessionCache = createSessionCache({
    bus: syncBus,
    load: (userId, sessionId, now) => findLiveSession(db.prisma, userId, sessionId, now),
  });
  const services: Services = {
    now: clock.now,
    cursorKey: randomBytes(32),
    accessTokens,
    authRateLimiter: limiter,
    accountLoginLimiter: countingLimiter(options.accountPoints ?? 1_000_000),
    syncBus,
    sessionCache,
    authenticate: createAuthenticate({
      prisma: db.prisma,
      accessTokens,
      external: options.external,
      now: clock.now,
      sessionCache,
    }),
  };

  /** A caller as one HTTP request would make it, and the cookie writes of that "request". */
  function client(request: Partial<RequestInfo> = {}) {
    const response = recordingResponse();
    const context = createContextInner({
      db,
      services,
      request: { userAgent: 'vitest', ...request },
      response,
    });
    return { api: createCaller(context), response };
  }

  const call = (request: Partial<RequestInfo> = {}) => client(request).api;

  /** A caller presenting `accessToken` as a Bearer token. */
  const as = (accessToken: string, request: Partial<RequestInfo> = {}) =>
    call({ authorization: `Bearer ${accessToken}`, ...request });

  /** Registers a mobile-style ('token') account and returns its AuthResult. */
  async function signUp(email: string, password = 'correct horse battery') {
    return call().auth.register({ email, password, session: 'token' });
  }

  return { clock, services, limiter, accessTokens, client, call, as, signUp };
}

export type AuthHarness = ReturnType<typeof createAuthHarness>;
