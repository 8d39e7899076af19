// REST failures of the caller's making, each docs/contract.md's { detail, code, field? } with the code's
// status: tokens (401), bad input in body, path or query (400 naming the field), conflicts (409).
// The transport's own errors and the rate limit: rest-transport.test.ts.
import { hmacToken } from '@repo/auth/testing';
import { testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from './helpers/auth-http';
import { errorOf, expectRestError, rest, useRestUser } from './helpers/rest-http';
import { TEST_JWT_SECRET, useTestServer } from './helpers/test-server';

describe.each(testEngines)('REST errors on %s', (engine) => {
  const server = useTestServer({ engine, config: { rateLimitAuthPoints: 10_000 } });
  const user = useRestUser(server);

  it('answers 401 with the precise code for absent, bad and expired tokens', async () => {
    expectRestError(await rest(server.url, 'GET', '/api/tasks'), 401, 'MISSING_TOKEN');
    expectRestError(
      await rest(server.url, 'GET', '/api/tasks', { token: 'not-a-jwt' }),
      401,
      'INVALID_TOKEN',
    );
    const iat = Math.floor(Date.now() / 1000) - 3600;
    const expired = hmacToken(
      { alg: 'HS256', typ: 'at+jwt' },
      {
        sub: user.id,
        email: user.email,
        sid: 'x',
        type: 'access',
        iat,
        exp: iat + 900,
        jti: 'j',
        iss: server.config.jwtIssuer,
        aud: server.config.jwtAudience,
      },
      TEST_JWT_SECRET,
    );
    expectRestError(
      await rest(server.url, 'GET', '/api/v1/auth/me', { token: expired }),
      401,
      'TOKEN_EXPIRED',
    );
    const refresh = await rest(server.url, 'POST', '/api/v1/auth/refresh', {
      body: { refreshToken: 'nope' },
    });
    expectRestError(refresh, 401, 'INVALID_REFRESH_TOKEN');
    expectRestError(
      await rest(server.url, 'POST', '/api/v1/auth/refresh'),
      401,
      'MISSING_REFRESH_TOKEN',
    );
  });

  it('answers 400 naming the field for invalid input, in the body, the path and the query', async () => {
    const post = (body: unknown) =>
      rest(server.url, 'POST', '/api/tasks', { token: user.accessToken, body });
    expectRestError(await post({ title: '   ' }), 400, 'VALIDATION_ERROR', 'title');
    expectRestError(
      await post({ title: 'x', priority: 'urgent' }),
      400,
      'VALIDATION_ERROR',
      'priority',
    );
    expectRestError(
      await post({ title: 'x', dueDate: 'tomorrow' }),
      400,
      'VALIDATION_ERROR',
      'dueDate',
    );
    expectRestError(await post([1, 2]), 400, 'VALIDATION_ERROR');
    const get = (path: string) => rest(server.url, 'GET', path, { token: user.accessToken });
    expectRestError(await get('/api/tasks/abc'), 400, 'VALIDATION_ERROR', 'id');
    expectRestError(await get('/api/tasks?limit=1000'), 400, 'VALIDATION_ERROR', 'limit');
    expectRestError(await get('/api/tasks?cursor=forged'), 400, 'INVALID_CURSOR', 'cursor');
    const register = (body: unknown) => rest(server.url, 'POST', '/api/v1/auth/register', { body });
    expectRestError(
      await register({ email: 'not-an-email', password: PASSWORD }),
      400,
      'INVALID_EMAIL',
      'email',
    );
  });

  it('answers 409 for a taken email and a stale write', async () => {
    const taken = await rest(server.url, 'POST', '/api/v1/auth/register', {
      body: { email: user.email, password: PASSWORD },
    });
    expectRestError(taken, 409, 'EMAIL_ALREADY_EXISTS', 'email');
    const task = await rest<{ id: number }>(server.url, 'POST', '/api/tasks', {
      token: user.accessToken,
      body: { title: 'x' },
    });
    const stale = await rest(server.url, 'PUT', `/api/tasks/${task.body.id}`, {
      token: user.accessToken,
      body: { title: 'y', expectedUpdatedAt: '2000-01-01T00:00:00Z' },
    });
    expect([stale.status, errorOf(stale).code]).toEqual([409, 'CONFLICT']);
  });
});
