// The adapter through a real socket: what every request gets, whatever route it reaches.
import { testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server';
import { type TestServer, startTestServer, testConfig } from './helpers/test-server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WEB_ORIGIN = 'http://localhost:5173';

describe.each(testEngines)('HTTP adapter on %s', (engine) => {
  let server: TestServer;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const logger = createLogger(
      { logLevel: 'info' },
      {
        write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>),
      },
    );
    server = await startTestServer({
      engine,
      logger,
      config: { bodyLimitBytes: 1024, trpcBodyLimitBytes: 1024 },
    });
  });
  afterAll(() => server?.close());

  it('answers /healthz with 200 while the process is up', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 on a reachable, fully migrated database', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.status).toBe(200);
  });

  it('answers an unknown path with 404 and the REST error shape', async () => {
    const res = await fetch(`${server.url}/no/such/path`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ detail: 'Not found', code: 'NOT_FOUND' });
  });

  it('mounts the tRPC router at /trpc, answering in its envelope with an appCode', async () => {
    const res = await fetch(`${server.url}/trpc/no.such.procedure`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { json: { data: { appCode: string } } } };
    expect(body.error.json.data.appCode).toBe('NOT_FOUND');
  });

  it('echoes a sane incoming X-Request-Id on every response', async () => {
    for (const path of ['/healthz', '/no/such/path', '/trpc/no.such.procedure']) {
      const res = await fetch(`${server.url}${path}`, {
        headers: { 'x-request-id': 'lb-7f3a.2_x' },
      });
      expect(res.headers.get('x-request-id')).toBe('lb-7f3a.2_x');
    }
  });

  it('generates a UUID request id when none is sent or the one sent is malformed', async () => {
    const ids: (string | null)[] = [];
    for (const incoming of [undefined, 'has spaces', 'a'.repeat(129), '<script>', 'new\\nline']) {
      const headers: Record<string, string> = incoming ? { 'x-request-id': incoming } : {};
      ids.push((await fetch(`${server.url}/healthz`, { headers })).headers.get('x-request-id'));
    }
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a body over BODY_LIMIT_BYTES (TRPC_BODY_LIMIT_BYTES on /trpc) with 413', async () => {
    const body = JSON.stringify({ json: { padding: 'x'.repeat(2048) } });
    const trpc = await fetch(`${server.url}/trpc/auth.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(trpc.status).toBe(413);
    const envelope = (await trpc.json()) as { error: { json: { data: { appCode: string } } } };
    expect(envelope.error.json.data.appCode).toBe('PAYLOAD_TOO_LARGE');

    const rest = await fetch(`${server.url}/api/tasks`, { method: 'POST', body });
    expect(rest.status).toBe(413);
    expect(await rest.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('lets a listed origin call with credentials and read X-Request-Id', async () => {
    for (const path of ['/healthz', '/trpc/no.such.procedure']) {
      const res = await fetch(`${server.url}${path}`, { headers: { origin: WEB_ORIGIN } });
      expect(res.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
      expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
      // Caches must not hand this answer to another origin.
      expect(res.headers.get('vary')).toContain('Origin');
    }
    const trpc = await fetch(`${server.url}/trpc/no.such.procedure`, {
      headers: { origin: WEB_ORIGIN },
    });
    expect(trpc.headers.get('vary')).toMatch(/trpc-accept.*Origin/);
  });

  it('answers a listed origin’s preflight with the methods and headers it asked for', async () => {
    const res = await fetch(`${server.url}/trpc/task.create`, {
      method: 'OPTIONS',
      headers: {
        origin: WEB_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });

  it('gives an unknown origin no CORS headers, for requests and preflights alike', async () => {
    const origin = 'https://evil.example';
    const simple = await fetch(`${server.url}/healthz`, { headers: { origin } });
    const preflight = await fetch(`${server.url}/trpc/task.create`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    for (const res of [simple, preflight]) {
      expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual(
        [],
      );
    }
  });

  it('takes the client IP from the socket, ignoring a spoofed X-Forwarded-For', async () => {
    const res = await fetch(`${server.url}/__test/request-info`, {
      headers: { 'x-forwarded-for': '6.6.6.6' },
    });
    expect(await res.json()).toMatchObject({ ip: '127.0.0.1' });
  });

  it('believes X-Forwarded-For as far as TRUST_PROXY allows', async () => {
    const behindProxy = await startServer(testConfig({ trustProxy: { mode: 'hops', hops: 1 } }), {
      db: server.db,
    });
    try {
      const res = await fetch(`${behindProxy.url}/__test/request-info`, {
        headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.1' },
      });
      expect(await res.json()).toMatchObject({ ip: '198.51.100.1' });
    } finally {
      await behindProxy.close();
    }
  });

  it('logs one line per request: id, method, path without its query, status, duration', async () => {
    await fetch(`${server.url}/no/such/path?token=do-not-log-me`, {
      headers: { 'x-request-id': 'log-line-check' },
    });
    await expect
      .poll(() => logLines.find((line) => line.requestId === 'log-line-check'))
      .toMatchObject({
        msg: 'request',
        method: 'GET',
        path: '/no/such/path',
        status: 404,
      });
    expect(logLines.find((line) => line.requestId === 'log-line-check')?.ms).toBeTypeOf('number');
    expect(JSON.stringify(logLines)).not.toContain('do-not-log-me');
  });
});
