// Defence in depth over HTTP: security headers on every face, token answers never stored, the
// refresh cookie honoured only from trusted origins, and __Host- prefixed in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthBody, PASSWORD, register, trpc, uniqueEmail } from '../helpers/auth-http';
import { rest } from '../helpers/rest-http';
import { type TestServer, startTestServer } from '../helpers/test-server';

const TRUSTED = 'https://app.example.com';

describe('defence in depth', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { corsOrigins: [TRUSTED] } });
  });
  afterAll(() => server.close());

  it.each(['/healthz', '/trpc/auth.me', '/api/tasks', '/docs', '/panel', '/openapi.json', '/'])(
    'sends nosniff and a CSP forbidding framing on %s',
    async (path) => {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('lets the web app load only its own scripts and talk only to its origin', async () => {
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('marks token responses no-store on both faces', async () => {
    const viaTrpc = await register(server.url, 'token');
    expect(viaTrpc.status).toBe(200);
    expect(viaTrpc.headers.get('cache-control')).toBe('no-store');
    const viaRest = await rest(server.url, 'POST', '/api/v1/auth/login', {
      body: { email: uniqueEmail(), password: PASSWORD, session: 'token' },
    });
    expect(viaRest.headers.get('cache-control')).toBe('no-store');
  });

  async function cookieSession(): Promise<string> {
    const reply = await register(server.url, 'cookie');
    const line = reply.cookies.find((c) => c.startsWith('rt='));
    return line?.slice(0, line.indexOf(';')) ?? '';
  }

  it('refuses a cookie refresh from an untrusted origin, accepts own and trusted origins', async () => {
    const cookie = await cookieSession();
    const refresh = (origin: string | undefined) =>
      trpc<AuthBody>(
        server.url,
        'auth.refresh',
        {},
        {
          headers: { cookie, ...(origin ? { origin } : {}) },
        },
      );
    for (const origin of ['https://evil.example.com', 'null', `http://sub.${TRUSTED.slice(8)}`]) {
      const refused = await refresh(origin);
      expect(refused.status).toBe(401);
      expect(refused.error?.appCode).toBe('MISSING_REFRESH_TOKEN');
    }
    // The web app served by this server: same origin.
    const own = await refresh(server.url);
    expect(own.status).toBe(200);
    const next = own.cookies.find((c) => c.startsWith('rt='));
    const trusted = await trpc(
      server.url,
      'auth.refresh',
      {},
      {
        headers: { cookie: next?.slice(0, next.indexOf(';')) ?? '', origin: TRUSTED },
      },
    );
    expect(trusted.status).toBe(200);
  });

  it('refuses a cross-site cookie logout (no Origin, Sec-Fetch-Site: cross-site)', async () => {
    const cookie = await cookieSession();
    const logout = await trpc(
      server.url,
      'auth.logout',
      {},
      {
        headers: { cookie, 'sec-fetch-site': 'cross-site' },
      },
    );
    expect(logout.error?.appCode).toBe('MISSING_REFRESH_TOKEN');
    const refresh = await trpc(server.url, 'auth.refresh', {}, { headers: { cookie } });
    expect(refresh.status).toBe(200);
  });
});

describe('in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      config: { nodeEnv: 'production', trustProxy: { mode: 'hops', hops: 1 } },
    });
  });
  afterAll(() => server.close());

  it('names the refresh cookie __Host-rt (Secure, Path=/, no Domain) and reads it back', async () => {
    const reply = await trpc<AuthBody>(server.url, 'auth.register', {
      email: uniqueEmail(),
      password: PASSWORD,
      session: 'cookie',
    });
    const line = reply.cookies[0] ?? '';
    expect(line).toMatch(
      /^__Host-rt=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+; Secure$/,
    );
    const refreshed = await trpc(
      server.url,
      'auth.refresh',
      {},
      {
        headers: { cookie: line.slice(0, line.indexOf(';')) },
      },
    );
    expect(refreshed.status).toBe(200);
  });

  it('sends HSTS when a trusted proxy terminated TLS', async () => {
    const tls = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const plain = await fetch(`${server.url}/healthz`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });
});
