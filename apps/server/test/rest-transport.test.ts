// The REST transport's own refusals, in the same { detail, code } shape: wrong content type (415),
// malformed JSON (400), unknown paths (404), bodies over the limit (413, declared or chunked), and
// the shared sign-in budget (429 with Retry-After), the token endpoint included.
import { testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from './helpers/auth-http';
import { type RestUser, expectRestError, registerRest, rest } from './helpers/rest-http';
import { type TestServer, startTestServer } from './helpers/test-server';

const LIMIT = 4096;

describe.each(testEngines)('REST transport errors on %s', (engine) => {
  let server: TestServer;
  let user: RestUser;
  beforeAll(async () => {
    // Three sign-ins a window: registering spends one, the rate-limit test the rest.
    server = await startTestServer({
      engine,
      config: { bodyLimitBytes: LIMIT, rateLimitAuthPoints: 3 },
    });
    user = await registerRest(server.url);
  });
  afterAll(() => server?.close());

  it('answers 415, malformed JSON 400, unknown paths 404 and oversized bodies 413', async () => {
    const token = user.accessToken;
    const send = (body: string, contentType: string) =>
      rest(server.url, 'POST', '/api/tasks', {
        token,
        body,
        headers: { 'content-type': contentType },
      });
    expectRestError(
      await send('title=x', 'application/x-www-form-urlencoded'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectRestError(
      await rest(server.url, 'POST', '/api/tasks', { token, body: 'x' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectRestError(await send('{"title": "x",', 'application/json'), 400, 'VALIDATION_ERROR');
    expect((await send('{"title":"charset"}', 'application/json; charset=utf-8')).status).toBe(201);
    expectRestError(
      await rest(server.url, 'GET', '/api/nothing-here', { token }),
      404,
      'NOT_FOUND',
    );
    expectRestError(await rest(server.url, 'GET', '/nothing-here'), 404, 'NOT_FOUND');
    // A path other methods serve: 405 (rest-methods.test.ts), not 404.
    expectRestError(
      await rest(server.url, 'GET', '/api/tags/1', { token }),
      405,
      'METHOD_NOT_ALLOWED',
    );
    const big = JSON.stringify({ title: 'x', description: 'y'.repeat(LIMIT) });
    expectRestError(await send(big, 'application/json'), 413, 'PAYLOAD_TOO_LARGE');

    // Chunked: no Content-Length to refuse up front, so the limit is enforced while reading.
    const chunk = new TextEncoder().encode(' '.repeat(1024));
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 8; i++) c.enqueue(chunk);
        c.close();
      },
    });
    // Node's fetch needs duplex for a streamed body; DOM's RequestInit type does not name it.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    };
    const res = await fetch(`${server.url}/api/tasks`, init);
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
    ]);
  });

  it('answers 429 with Retry-After once the sign-in budget is spent, token endpoint included', async () => {
    const attempt = () =>
      rest(server.url, 'POST', '/api/v1/auth/login', {
        body: { email: user.email, password: 'wrong password' },
      });
    // Registering spent one of the three points: two wrong passwords, then the limit.
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) seen.push((await attempt()).status);
    expect(seen).toEqual([401, 401, 429]);
    const limited = await attempt();
    expectRestError(limited, 429, 'RATE_LIMIT_EXCEEDED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const token = await rest(server.url, 'POST', '/api/v1/auth/token', {
      body: new URLSearchParams({ username: user.email, password: PASSWORD }),
    });
    expectRestError(token, 429, 'RATE_LIMIT_EXCEEDED');
    expect(Number(token.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
