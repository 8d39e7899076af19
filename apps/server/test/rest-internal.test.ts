// Failures on our side through REST: a bug answers 500 INTERNAL without its message (which may
// hold SQL) and is logged with the request id; an unreachable database answers 503.
import { type Services, createLocalBus } from '@repo/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { errorOf, rest } from './helpers/rest-http';
import { type TestServer, startTestServer } from './helpers/test-server';

const SQL_LEAK = 'SELECT "passwordHash" FROM "User" failed: relation does not exist';

describe('REST internal failures', () => {
  let server: TestServer;
  const logLines: Record<string, unknown>[] = [];
  let failure: Error = new Error(SQL_LEAK);
  const services: Services = {
    now: () => new Date(),
    cursorKey: new Uint8Array(32),
    accessTokens: { sign: () => Promise.reject(new Error('unused')) },
    authRateLimiter: {
      consume: () => Promise.resolve({ allowed: true }),
      refund: () => Promise.resolve(),
    },
    accountLoginLimiter: {
      consume: () => Promise.resolve({ allowed: true }),
      refund: () => Promise.resolve(),
    },
    authenticate: () => Promise.reject(failure),
    syncBus: createLocalBus(),
  };

  beforeAll(async () => {
    const logger = createLogger(
      { logLevel: 'error' },
      { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    server = await startTestServer({ logger, services });
  });
  afterAll(() => server?.close());

  it('answers a bug with 500 INTERNAL, hides its message and logs it with the request id', async () => {
    failure = new Error(SQL_LEAK);
    const res = await rest(server.url, 'GET', '/api/tasks', {
      token: 'whatever',
      headers: { 'x-request-id': 'rest-bug-1' },
    });
    expect([res.status, res.body]).toEqual([
      500,
      { detail: 'Internal server error', code: 'INTERNAL' },
    ]);
    expect(res.text).not.toContain('SELECT');
    const logged = logLines.find((line) => line.requestId === 'rest-bug-1');
    expect(logged).toMatchObject({ level: 50, path: '/api/tasks' });
    // The log keeps what the answer hides, for whoever investigates.
    expect((logged?.err as { message: string }).message).toContain(SQL_LEAK);
  });

  it('answers an unreachable database with 503 SERVICE_UNAVAILABLE', async () => {
    failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const res = await rest(server.url, 'GET', '/api/v1/auth/me', { token: 'whatever' });
    expect([res.status, errorOf(res).code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(res.text).not.toContain('5432');
  });
});
