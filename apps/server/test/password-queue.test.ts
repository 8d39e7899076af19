// The bounded password-hash queue through the real server: with the queue full, register, login
// and changePassword answer 429 RATE_LIMIT_EXCEEDED with Retry-After on every face, at once and
// without hashing; and a login storm past the bound leaves reads served and fast.
import {
  hashPassword,
  passwordHashStats,
  passwordParams,
  setPasswordHashQueueMax,
  setPasswordHashThreads,
} from '@repo/auth';
import { testDatabaseUrl } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, trpc, uniqueEmail } from './helpers/auth-http';
import { registerRest, rest } from './helpers/rest-http';
import { type TestServer, startTestServer } from './helpers/test-server';

// One hash thread, as on a one-core share; set before this process hashes anything.
setPasswordHashThreads(1);

const p99 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;

describe('password hash queue', () => {
  let server: TestServer;
  let user: Awaited<ReturnType<typeof registerRest>>;
  beforeAll(async () => {
    // PostgreSQL when there is one: PGlite runs its queries on this very event loop.
    server = await startTestServer({
      engine: testDatabaseUrl ? 'postgres' : 'pglite',
      config: { rateLimitAuthPoints: 100_000, rateLimitLoginFailures: 100_000 },
    });
    user = await registerRest(server.url);
  });
  afterAll(async () => {
    setPasswordHashQueueMax(64);
    await server?.close();
  });

  it('answers 429 with Retry-After on every sign-in path while the queue is full, hashing nothing', async () => {
    setPasswordHashQueueMax(2);
    // Two slow hashes (50 passes instead of 2) hold the single thread and fill the queue.
    const slow = { ...passwordParams, timeCost: 50 };
    const holders = [hashPassword('holder one', slow), hashPassword('holder two', slow)];
    const before = passwordHashStats();
    expect(before.inFlight).toBe(2);

    const replies = await Promise.all([
      trpc(server.url, 'auth.login', { email: user.email, password: PASSWORD }),
      trpc(server.url, 'auth.register', { email: uniqueEmail(), password: PASSWORD }),
      trpc(
        server.url,
        'auth.changePassword',
        { currentPassword: PASSWORD, newPassword: 'another good password' },
        { headers: bearer(user.accessToken) },
      ),
    ]);
    const restLogin = await rest(server.url, 'POST', '/api/v1/auth/login', {
      body: { email: user.email, password: PASSWORD },
    });
    // Answered while the holders still hash: nothing waited for the thread.
    expect(passwordHashStats().inFlight).toBe(2);

    for (const reply of replies) {
      expect(reply.status).toBe(429);
      expect(reply.error?.appCode).toBe('RATE_LIMIT_EXCEEDED');
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(restLogin.status).toBe(429);
    expect(restLogin.body.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(Number(restLogin.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    await Promise.all(holders);
    const after = passwordHashStats();
    expect(after.completed - before.completed).toBe(2); // the holders, and not one more
    expect(after.refused - before.refused).toBe(4);

    // Room again: the same login goes through.
    setPasswordHashQueueMax(64);
    const login = await trpc(server.url, 'auth.login', { email: user.email, password: PASSWORD });
    expect(login.status).toBe(200);
  }, 60_000);

  it('keeps serving reads during a login storm past the bound', async () => {
    const readFor = async (ms: number) => {
      const latencies: number[] = [];
      const deadline = performance.now() + ms;
      while (performance.now() < deadline) {
        const started = performance.now();
        const me = await rest(server.url, 'GET', '/api/v1/auth/me', { token: user.accessToken });
        expect(me.status).toBe(200);
        latencies.push(performance.now() - started);
      }
      return latencies;
    };
    await readFor(1_000); // warm-up: a fresh process is slow for its first requests
    const quiet = await readFor(1_500);

    setPasswordHashQueueMax(4);
    let storming = true;
    const statuses = new Map<number, number>();
    const stormer = async () => {
      for (let i = 0; storming && i < 10_000; i++) {
        const reply = await trpc(server.url, 'auth.login', {
          email: user.email,
          password: i % 2 ? PASSWORD : 'a wrong password',
        });
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        // Refused clients come back soon, sooner than Retry-After says: the queue stays full.
        if (reply.status === 429) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const storm = Array.from({ length: 16 }, stormer);
    const stormy = await readFor(3_000);
    storming = false;
    await Promise.all(storm);

    // Every storm answer is a sign-in result or the queue's refusal; no error, no timeout.
    expect([...statuses.keys()].filter((status) => ![200, 401, 429].includes(status))).toEqual([]);
    expect(statuses.get(429)).toBeGreaterThan(0);
    // Reads are not queued behind argon2: their p99 stays within a small multiple of the quiet
    // one, measured in the same run since a shared machine's load comes and goes. (The storm's
    // own HTTP traffic, limiter writes and sessions share this process and the 2 cores.)
    expect(stormy.length).toBeGreaterThan(10);
    expect(p99(stormy)).toBeLessThan(6 * p99(quiet) + 100);
  }, 60_000);
});
