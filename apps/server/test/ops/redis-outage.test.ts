// Redis outage for the shared auth limit: with REDIS_URL pointing where nothing answers (a port
// nobody listens on, and a throw-away redis-server killed mid-test), logins are still limited,
// by the per-process insurance limiter, and answer without waiting on Redis.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { metricsRegistry } from '../../src/ops/metrics';
import { createAuthRateLimiter } from '../../src/rate-limit/auth-limiter';
import { PASSWORD, trpc, uniqueEmail } from '../helpers/auth-http';
import { type TestServer, startTestServer, testConfig } from '../helpers/test-server';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const fallbacks = async () =>
  (await metricsRegistry.getSingleMetric('rate_limit_store_fallbacks_total')?.get())?.values[0]
    ?.value ?? 0;

async function sevenLogins(server: TestServer): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    const res = await trpc(server.url, 'auth.login', {
      email: uniqueEmail('ro'),
      password: PASSWORD,
    });
    statuses.push(res.status);
  }
  return statuses;
}

/** The slowest of seven limiter decisions: argon2 and HTTP left out, so load does not blur it. */
async function slowestDecisionMs(redisUrl: string): Promise<number> {
  const limiter = createAuthRateLimiter(
    testConfig({ redisUrl, jwtIssuer: `decide-${redisUrl}` }),
    createLogger({ logLevel: 'silent' }),
  );
  let slowest = 0;
  try {
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      await limiter.consume('127.0.0.1');
      slowest = Math.max(slowest, performance.now() - started);
    }
  } finally {
    await limiter.close();
  }
  return slowest;
}

const servers: TestServer[] = [];
let redisProcess: ChildProcess | undefined;
afterAll(async () => {
  redisProcess?.kill('SIGKILL');
  for (const server of servers) await server.close();
});

const hasRedisServer = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('auth rate limit while Redis is down', () => {
  it('still refuses the 6th login of 5 allowed, quickly, and counts the fallbacks', async () => {
    const port = await freePort();
    const before = await fallbacks();
    const server = await startTestServer({
      config: { redisUrl: `redis://127.0.0.1:${port}`, rateLimitAuthPoints: 5 },
    });
    servers.push(server);
    expect(await sevenLogins(server)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Per-IP decisions for all 7, plus the per-account failed-login budget for the 5 let through.
    expect((await fallbacks()) - before).toBe(12);
    // A decision waits at most the 300 ms command timeout (each login waited 1.2-1.4 s before).
    expect(await slowestDecisionMs(`redis://127.0.0.1:${port}`)).toBeLessThan(800);
  });

  it.runIf(hasRedisServer)('keeps limiting when a working Redis dies mid-way', async () => {
    const port = await freePort();
    redisProcess = spawn(
      'redis-server',
      ['--port', String(port), '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const server = await startTestServer({
      config: {
        redisUrl: `redis://127.0.0.1:${port}`,
        rateLimitAuthPoints: 5,
        jwtIssuer: `ro-${port}`,
      },
    });
    servers.push(server);
    // Wait until Redis answers: the first login then counts in Redis, not in the fallback.
    for (let i = 0; i < 50; i++) {
      const before = await fallbacks();
      await trpc(server.url, 'auth.login', { email: uniqueEmail('ro'), password: PASSWORD });
      if ((await fallbacks()) === before) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    redisProcess.kill('SIGKILL');
    await new Promise((resolve) => redisProcess?.once('exit', resolve));
    expect((await sevenLogins(server)).slice(5)).toEqual([429, 429]);
    expect(await slowestDecisionMs(`redis://127.0.0.1:${port}`)).toBeLessThan(800);
  });
});
