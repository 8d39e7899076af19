// Router tests for signed-in users without the token round trip: a user row in the test
// database and a caller whose auth is resolved in advance, over Services with a fixed cursor
// key and a clock the test moves. Shared by the task, tag and asset tests.
import { randomUUID } from 'node:crypto';
import { userSelect } from '@repo/auth';
import type { Database } from '@repo/db';
import { AppError } from '../errors';
import { createContextInner } from '../context';
import { appRouter } from '../root';
import type { AuthUser, Services } from '../services';
import { createLocalBus } from '../sync/bus';
import { createCallerFactory } from '../trpc';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface TestClock {
  now(): Date;
  set(to: Date): void;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
}

export function testClock(start = new Date('2026-01-05T09:00:00.000Z')): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (to) => {
      current = to.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** Fixed, so a cursor from one caller can be replayed by another in isolation tests. */
export const testCursorKey = new Uint8Array(32).fill(42);

const unused = (what: string) => () =>
  Promise.reject(new Error(`${what} is not available to pre-authenticated test callers`));

const unlimited = {
  consume: () => Promise.resolve({ allowed: true as const }),
  refund: () => Promise.resolve(),
};

/** Services for callers whose auth is given in advance: anything auth-only refuses loudly. */
export function testServices(clock: TestClock, overrides: Partial<Services> = {}): Services {
  return {
    authenticate: () => Promise.reject(new AppError('MISSING_TOKEN', 'test callers pass auth')),
    now: () => clock.now(),
    cursorKey: testCursorKey,
    accessTokens: { sign: unused('accessTokens.sign') },
    authRateLimiter: unlimited,
    accountLoginLimiter: unlimited,
    syncBus: createLocalBus(),
    ...overrides,
  };
}

export interface TestUser {
  user: AuthUser;
  caller: Caller;
}

export interface TestApi {
  db: Database;
  clock: TestClock;
  services: Services;
  /** A caller acting as `user`, with no session (as for an external issuer's token). */
  callerFor(user: AuthUser): Caller;
  /** Inserts a fresh user (unique email) and returns it with its caller. */
  newUser(label?: string): Promise<TestUser>;
}

export function createTestApi(db: Database, options: { clock?: TestClock } = {}): TestApi {
  const clock = options.clock ?? testClock();
  const services = testServices(clock);
  const callerFor = (user: AuthUser) =>
    createCaller(createContextInner({ db, services, auth: { user, sessionId: null } }));
  return {
    db,
    clock,
    services,
    callerFor,
    async newUser(label = 'user') {
      const user = await db.prisma.user.create({
        data: { email: `${label}-${randomUUID()}@example.test` },
        select: userSelect,
      });
      return { user, caller: callerFor(user) };
    },
  };
}
