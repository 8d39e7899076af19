import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, type Env, loadConfig } from './env';

const SECRET = 'a-perfectly-random-32-byte-secret-value';
const tempDir = () => mkdtempSync(join(tmpdir(), 'server-env-'));

function problemsOf(env: Env): string[] {
  try {
    loadConfig({ DATA_DIR: tempDir(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('uses the documented defaults in development', () => {
    const config = loadConfig({ DATA_DIR: tempDir() });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: undefined,
      databasePoolSize: 10,
      migrateOnStart: true,
      jwtIssuer: 'typed-backend',
      jwtAudience: 'typed-backend-clients',
      externalJwt: undefined,
      corsOrigins: ['http://localhost:5173', 'http://localhost:8081', 'http://localhost:19006'],
      trustProxy: { mode: 'none' },
      bodyLimitBytes: 1_048_576,
      trpcBodyLimitBytes: 131_072,
      http: {
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        keepAliveTimeoutMs: 5_000,
        maxConnections: 10_000,
      },
      passwordHashQueueMax: 64,
      trpcMaxBatchSize: 16,
      rateLimitAuthPoints: 5,
      rateLimitAuthWindowSeconds: 60,
      rateLimitLoginFailures: 10,
      rateLimitLoginFailuresWindowSeconds: 900,
      redisUrl: undefined,
      panelEnabled: true,
      logLevel: 'info',
      webConcurrency: 1,
      passwordHashThreads: availableParallelism(),
    });
  });

  it('refuses a header timeout longer than the request timeout (Node would throw)', () => {
    expect(
      problemsOf({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' }),
    ).toEqual(['HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS']);
  });

  it('shares the cores out between processes for password hashing, at least one thread each', () => {
    const threads = (env: Env) => loadConfig({ DATA_DIR: tempDir(), ...env }).passwordHashThreads;
    const cores = availableParallelism();
    expect(threads({ WEB_CONCURRENCY: '2' })).toBe(Math.max(1, Math.floor(cores / 2)));
    expect(threads({ WEB_CONCURRENCY: String(cores + 1) })).toBe(1);
    expect(threads({ WEB_CONCURRENCY: '2', PASSWORD_HASH_THREADS: '3' })).toBe(3);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ DATA_DIR: tempDir(), PORT: '', LOG_LEVEL: ' ' })).toMatchObject({
      port: 3000,
      logLevel: 'info',
    });
  });

  it('is silent in tests, and in production has no panel and no cross-origin callers by default', () => {
    expect(loadConfig({ DATA_DIR: tempDir(), NODE_ENV: 'test' }).logLevel).toBe('silent');
    const production = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: SECRET,
      DATA_DIR: tempDir(),
    });
    expect(production).toMatchObject({ panelEnabled: false, corsOrigins: [] });
  });

  const badValues: [string, string][] = [
    ['NODE_ENV', 'staging'],
    ['PORT', '70000'],
    ['PORT', 'http'],
    ['DATABASE_URL', 'mysql://localhost/app'],
    ['DATABASE_POOL_SIZE', '0'],
    ['MIGRATE_ON_START', 'maybe'],
    ['JWT_SECRET', 'too-short'],
    ['CORS_ORIGINS', '*'],
    ['CORS_ORIGINS', 'http://localhost:5173/'],
    ['TRUST_PROXY', 'the load balancer'],
    ['BODY_LIMIT_BYTES', '-1'],
    ['TRPC_BODY_LIMIT_BYTES', '0'],
    ['HTTP_HEADERS_TIMEOUT_MS', '99'],
    ['HTTP_REQUEST_TIMEOUT_MS', 'forever'],
    ['HTTP_KEEP_ALIVE_TIMEOUT_MS', '0'],
    ['HTTP_MAX_CONNECTIONS', '0'],
    ['PASSWORD_HASH_QUEUE_MAX', '0'],
    ['TRPC_MAX_BATCH_SIZE', '0'],
    ['TRPC_MAX_BATCH_SIZE', '101'],
    ['RATE_LIMIT_AUTH_POINTS', 'five'],
    ['RATE_LIMIT_AUTH_WINDOW_SECONDS', '0'],
    ['RATE_LIMIT_LOGIN_FAILURES', '0'],
    ['RATE_LIMIT_LOGIN_FAILURES_WINDOW_SECONDS', 'forever'],
    ['REDIS_URL', 'http://cache:6379'],
    ['EXTERNAL_JWT_JWKS_URL', 'not a url'],
    ['PANEL_ENABLED', 'sometimes'],
    ['LOG_LEVEL', 'loud'],
    ['WEB_CONCURRENCY', '0'],
    ['PASSWORD_HASH_THREADS', '0'],
    ['ACCESS_TOKEN_TTL_SECONDS', '4'],
    ['REFRESH_TOKEN_TTL_SECONDS', 'a week'],
  ];

  it.each(badValues)('reports %s=%j on a line of its own', (key, value) => {
    // An external verifier needs its issuer and audience, or those get lines of their own.
    const companions = key.startsWith('EXTERNAL_JWT_')
      ? { EXTERNAL_JWT_ISSUER: 'i', EXTERNAL_JWT_AUDIENCE: 'a' }
      : {};
    const problems = problemsOf({ ...companions, [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key}: `));
  });

  it('reports every bad variable at once, one line each, in a message without secret values', () => {
    const env = Object.fromEntries(badValues);
    let message = '';
    try {
      loadConfig({ DATA_DIR: tempDir(), ...env, JWT_SECRET: 'hunter2' });
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    for (const key of new Set(badValues.map(([k]) => k))) {
      expect(lines.filter((line) => line.startsWith(`  ${key}: `))).toHaveLength(1);
    }
    expect(message).not.toContain('hunter2');
  });

  it('refuses to start in production without JWT_SECRET', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^JWT_SECRET: required in production/),
    ]);
  });

  it('refuses a placeholder secret outside development', () => {
    const placeholder = 'changeme-changeme-changeme-changeme';
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: placeholder })).toEqual([
      expect.stringMatching(/^JWT_SECRET: is a placeholder/),
    ]);
    expect(problemsOf({ NODE_ENV: 'test', JWT_SECRET: placeholder })).toHaveLength(1);
    expect(problemsOf({ NODE_ENV: 'development', JWT_SECRET: placeholder })).toEqual([]);
  });

  it('creates the development secret once, readable only by its owner, and reuses it', () => {
    const dataDir = join(tempDir(), 'nested');
    const first = loadConfig({ DATA_DIR: dataDir }).jwtSecret;
    const file = join(dataDir, 'jwt-secret');
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }).jwtSecret).toBe(first);
  });

  it('prefers JWT_SECRET to the development secret', () => {
    expect(loadConfig({ DATA_DIR: tempDir(), JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET);
  });

  it('requires issuer and audience for an external issuer, and one way to verify it', () => {
    const jwks = { EXTERNAL_JWT_JWKS_URL: 'https://auth.example.com/api/auth/jwks' };
    expect(problemsOf(jwks)).toEqual([
      expect.stringMatching(/^EXTERNAL_JWT_ISSUER: required/),
      expect.stringMatching(/^EXTERNAL_JWT_AUDIENCE: required/),
    ]);
    const complete = {
      ...jwks,
      EXTERNAL_JWT_ISSUER: 'https://auth.example.com',
      EXTERNAL_JWT_AUDIENCE: 'api',
    };
    expect(loadConfig({ DATA_DIR: tempDir(), ...complete }).externalJwt).toEqual({
      jwksUrl: jwks.EXTERNAL_JWT_JWKS_URL,
      secret: undefined,
      issuer: 'https://auth.example.com',
      audience: 'api',
    });
    expect(problemsOf({ ...complete, EXTERNAL_JWT_SECRET: SECRET })).toEqual([
      expect.stringMatching(/^EXTERNAL_JWT_SECRET: set either/),
    ]);
    expect(problemsOf({ EXTERNAL_JWT_ISSUER: 'https://auth.example.com' })).toEqual([
      expect.stringMatching(/^EXTERNAL_JWT_ISSUER: has no effect/),
    ]);
  });

  it('refuses an external secret equal to our own (a token of one kind would pass for the other)', () => {
    expect(
      problemsOf({
        JWT_SECRET: SECRET,
        EXTERNAL_JWT_SECRET: SECRET,
        EXTERNAL_JWT_ISSUER: 'i',
        EXTERNAL_JWT_AUDIENCE: 'a',
      }),
    ).toEqual(['EXTERNAL_JWT_SECRET: must differ from JWT_SECRET']);
  });

  it('parses lists and flags', () => {
    const config = loadConfig({
      DATA_DIR: tempDir(),
      CORS_ORIGINS: 'https://app.example.com, https://admin.example.com',
      TRUST_PROXY: '2',
      MIGRATE_ON_START: 'false',
      PORT: '0',
      DATABASE_URL: 'postgres://u:p@db:5432/app',
    });
    expect(config).toMatchObject({
      corsOrigins: ['https://app.example.com', 'https://admin.example.com'],
      trustProxy: { mode: 'hops', hops: 2 },
      migrateOnStart: false,
      port: 0,
      databaseUrl: 'postgres://u:p@db:5432/app',
    });
  });

  it('resolves a relative DATA_DIR from the workspace root, wherever the process starts', () => {
    const workspaceRoot = join(import.meta.dirname, '../../..');
    const dataDir = join('.data', 'env-test-unused');
    const fromServer = loadConfig(
      { DATA_DIR: dataDir, JWT_SECRET: SECRET },
      { cwd: join(workspaceRoot, 'apps/server') },
    );
    const fromRoot = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: SECRET }, { cwd: workspaceRoot });
    expect(fromServer.dataDir).toBe(join(workspaceRoot, dataDir));
    expect(fromRoot.dataDir).toBe(fromServer.dataDir);
    const outside = tempDir();
    expect(loadConfig({ DATA_DIR: 'data', JWT_SECRET: SECRET }, { cwd: outside }).dataDir).toBe(
      join(outside, 'data'),
    );
  });
});
