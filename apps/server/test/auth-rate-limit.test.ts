// The register/login budget through the real server: 5 a minute per client IP by default, shared
// by both procedures, unaffected by forged X-Forwarded-For, and shared by every server process
// on one PostgreSQL database or one Redis.
import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';
import { testEngines } from '@repo/db/testing';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/env';
import { createLogger } from '../src/logger';
import { connectionErrorLog } from '../src/ops/connection-errors';
import { createPostgresLimiter } from '../src/rate-limit/postgres-store';
import { type RunningServer, startServer } from '../src/server';
import { PASSWORD, trpc, uniqueEmail } from './helpers/auth-http';
import { type TestServer, startTestServer, testConfig } from './helpers/test-server';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(REDIS_URL);
  const socket = createConnection({ host: hostname, port: Number(port) || 6379, timeout: 500 });
  socket.once('connect', () => resolve(socket.end() && true));
  socket.once('error', () => resolve(false));
  socket.once('timeout', () => resolve(socket.destroy() && false));
});
// In CI a skipped Redis suite would hide a broken store: fail instead of skipping.
if (!redisUp && process.env.CI) throw new Error(`CI: Redis at ${REDIS_URL} is unreachable`);
if (!redisUp) console.warn(`Notice: Redis rate-limit tests skipped (${REDIS_URL} unreachable)`);

const attempt = (url: string, i: number, headers: Record<string, string> = {}) =>
  i % 2 === 0
    ? trpc(
        url,
        'auth.register',
        { email: uniqueEmail('rl'), password: PASSWORD, session: 'token' },
        { headers },
      )
    : trpc(url, 'auth.login', { email: uniqueEmail('rl'), password: PASSWORD }, { headers });

const servers: { close(): Promise<void> }[] = [];
async function serve(
  engine: 'pglite' | 'postgres',
  config: Partial<Config> = {},
): Promise<TestServer> {
  const server = await startTestServer({ engine, config });
  servers.push(server);
  return server;
}
/** A second server process on an existing database: own pool, own services, own limiter. */
async function serveAlso(base: TestServer, config: Partial<Config> = {}): Promise<RunningServer> {
  const server = await startServer(
    { ...base.config, ...config },
    { logger: createLogger({ logLevel: 'silent' }) },
  );
  servers.unshift(server);
  return server;
}
afterAll(async () => {
  for (const server of servers) await server.close();
});

function expectLimited(res: Awaited<ReturnType<typeof trpc>>) {
  expect([res.status, res.error?.appCode]).toEqual([429, 'RATE_LIMIT_EXCEEDED']);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.error?.retryAfter).toBe(retryAfter);
}

describe.each(testEngines)('auth rate limit over HTTP on %s', (engine) => {
  it('allows 5 register/login calls a minute per IP, then 429 with Retry-After', async () => {
    const server = await serve(engine);
    for (let i = 0; i < 5; i++) expect([200, 401]).toContain((await attempt(server.url, i)).status);
    expectLimited(await attempt(server.url, 5));
    expectLimited(await attempt(server.url, 6));
    // Other procedures are not part of this budget.
    expect((await trpc(server.url, 'auth.refresh')).error?.appCode).toBe('MISSING_REFRESH_TOKEN');
  });

  it('ignores a forged X-Forwarded-For when no proxy is trusted', async () => {
    const server = await serve(engine);
    for (let i = 0; i < 5; i++)
      await attempt(server.url, i, { 'x-forwarded-for': `203.0.113.${i}` });
    expectLimited(await attempt(server.url, 5, { 'x-forwarded-for': '198.51.100.1' }));
    expectLimited(await attempt(server.url, 6));
  });

  it('behind one trusted proxy, counts the address it appended, whatever the client prepends', async () => {
    const server = await serve(engine, { trustProxy: { mode: 'hops', hops: 1 } });
    const via = (forged: string, client: string) => ({ 'x-forwarded-for': `${forged}, ${client}` });
    for (let i = 0; i < 5; i++) await attempt(server.url, i, via(`10.9.9.${i}`, '198.51.100.7'));
    expectLimited(await attempt(server.url, 5, via('10.9.9.99', '198.51.100.7')));
    expect((await attempt(server.url, 6, via('10.9.9.1', '198.51.100.8'))).status).not.toBe(429);
  });
});

describe.runIf(testEngines.includes('postgres'))(
  'auth rate limit shared through PostgreSQL',
  () => {
    it('makes two server processes on one database share one budget', async () => {
      const a = await serve('postgres');
      const b = await serveAlso(a);
      for (let i = 0; i < 3; i++) expect((await attempt(a.url, i)).status).not.toBe(429);
      for (let i = 3; i < 5; i++) expect((await attempt(b.url, i)).status).not.toBe(429);
      expectLimited(await attempt(a.url, 5));
      expectLimited(await attempt(b.url, 6));
      const rows = await a.db.withConnection((c) =>
        c.query<{ key: string; points: number }>('SELECT key, points FROM rate_limit.auth'),
      );
      expect(rows).toEqual([{ key: `auth:${a.config.jwtIssuer}:127.0.0.1`, points: 7 }]);
    });

    it('creates its table safely when several processes start at once', async () => {
      const server = await serve('postgres');
      await server.db.withConnection((c) => c.exec('DROP SCHEMA IF EXISTS rate_limit CASCADE'));
      const limiters = Array.from({ length: 6 }, () =>
        createPostgresLimiter(
          server.db.url!,
          'auth',
          { points: 100, duration: 60 },
          connectionErrorLog(createLogger({ logLevel: 'silent' }), 'rate-limit store'),
        ),
      );
      try {
        const results = await Promise.all(limiters.map((l) => l.consume('race')));
        expect(results.map((r) => r.remainingPoints).sort((x, y) => x - y)).toEqual([
          94, 95, 96, 97, 98, 99,
        ]);
      } finally {
        await Promise.all(limiters.map((l) => l.close()));
      }
    });
  },
);

describe.runIf(redisUp)('auth rate limit shared through Redis', () => {
  const issuer = `rl-test-${randomUUID()}`;
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    await redis.del(`auth:${issuer}:127.0.0.1`);
    await redis.quit();
  });

  it('makes two servers with separate databases share one budget in Redis', async () => {
    const config = { redisUrl: REDIS_URL, jwtIssuer: issuer };
    const a = await serve('pglite', config);
    const b = await serve('pglite', config);
    for (let i = 0; i < 5; i++)
      expect((await attempt(i % 2 ? a.url : b.url, i)).status).not.toBe(429);
    expectLimited(await attempt(a.url, 5));
    expectLimited(await attempt(b.url, 6));
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.get(`auth:${issuer}:127.0.0.1`)).toBe('7');
      expect(await redis.ttl(`auth:${issuer}:127.0.0.1`)).toBeGreaterThan(0);
    } finally {
      await redis.quit();
    }
  });
});

it('uses memory on embedded PGlite, PostgreSQL with a database URL, Redis when configured', async () => {
  const { createAuthRateLimiter } = await import('../src/rate-limit/auth-limiter');
  const logger = createLogger({ logLevel: 'silent' });
  const stores = [
    testConfig(),
    testConfig({ databaseUrl: 'postgresql://127.0.0.1:1/none' }),
    testConfig({ databaseUrl: 'postgresql://127.0.0.1:1/none', redisUrl: 'redis://127.0.0.1:1' }),
  ].map((config) => createAuthRateLimiter(config, logger));
  expect(stores.map((s) => s.store)).toEqual(['memory', 'postgres', 'redis']);
  await Promise.all(stores.map((s) => s.close()));
});
