// Seed 001's client over plain fetch: register -> login -> me -> refresh -> logout under
// /api/v1/auth, the OAuth2 token endpoint, and the web's refresh cookie handled as on /trpc.
import { testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import { PASSWORD, refreshCookieOf, uniqueEmail } from './helpers/auth-http';
import { errorOf, registerRest, rest } from './helpers/rest-http';
import { useTestServer } from './helpers/test-server';

const COOKIE = /^rt=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/;

describe.each(testEngines)('REST auth on %s', (engine) => {
  const server = useTestServer({ engine, config: { rateLimitAuthPoints: 10_000 } });

  it('registers (201), logs in (200) and answers me with the same user', async () => {
    const email = uniqueEmail('flow');
    const created = await rest(server.url, 'POST', '/api/v1/auth/register', {
      body: { email, password: PASSWORD, name: 'Ada', session: 'token' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ user: { email, name: 'Ada' } });
    expect(created.text).not.toMatch(/passwordHash|argon2/);

    const login = await rest<{ accessToken: string; accessTokenExpiresAt: string }>(
      server.url,
      'POST',
      '/api/v1/auth/login',
      { body: { email: email.toUpperCase(), password: PASSWORD, session: 'token' } },
    );
    expect(login.status).toBe(200);
    expect(new Date(login.body.accessTokenExpiresAt).toISOString()).toBe(
      login.body.accessTokenExpiresAt,
    );

    const me = await rest(server.url, 'GET', '/api/v1/auth/me', { token: login.body.accessToken });
    expect([me.status, me.body.email]).toEqual([200, email]);
  });

  it('keeps the web refresh token in the HttpOnly cookie, rotates it and clears it on logout', async () => {
    const email = uniqueEmail('web');
    const created = await rest(server.url, 'POST', '/api/v1/auth/register', {
      body: { email, password: PASSWORD },
    });
    const [line] = created.headers.getSetCookie();
    expect(line).toMatch(COOKIE);
    expect(created.body.refreshToken).toBeUndefined();
    const first = refreshCookieOf(created.headers.getSetCookie())!;

    const refreshed = await rest(server.url, 'POST', '/api/v1/auth/refresh', {
      headers: { cookie: `rt=${first}` },
    });
    expect(refreshed.status).toBe(200);
    const second = refreshCookieOf(refreshed.headers.getSetCookie())!;
    // A fresh 256-bit token (43 base64url characters), not the one it replaces.
    expect(second).toMatch(/^[\w-]{43}$/);
    expect(second).not.toBe(first);

    const out = await rest(server.url, 'POST', '/api/v1/auth/logout', {
      headers: { cookie: `rt=${second}` },
    });
    expect([out.status, out.body]).toEqual([200, { ok: true }]);
    expect(out.headers.getSetCookie()[0]).toMatch(/^rt=; .*Max-Age=0/);
    const again = await rest(server.url, 'POST', '/api/v1/auth/refresh', {
      headers: { cookie: `rt=${second}` },
    });
    expect(again.status).toBe(401);
  });

  it('refreshes a mobile token from the body', async () => {
    const user = await registerRest(server.url);
    const res = await rest(server.url, 'POST', '/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('grants an OAuth2 password token that calls protected operations', async () => {
    const user = await registerRest(server.url);
    const form = new URLSearchParams({
      grant_type: 'password',
      username: user.email,
      password: PASSWORD,
    });
    const res = await rest<{ access_token: string; token_type: string; expires_in: number }>(
      server.url,
      'POST',
      '/api/v1/auth/token',
      { body: form },
    );
    expect(res.status).toBe(200);
    expect(res.body.token_type).toBe('bearer');
    expect(res.body.expires_in).toBeGreaterThan(890);
    expect(res.body.expires_in).toBeLessThanOrEqual(900);
    const me = await rest(server.url, 'GET', '/api/v1/auth/me', { token: res.body.access_token });
    expect(me.body.id).toBe(user.id);
  });

  it('answers the token endpoint in its own terms: username, form encoding, grant type', async () => {
    const user = await registerRest(server.url);
    const wrong = await rest(server.url, 'POST', '/api/v1/auth/token', {
      body: new URLSearchParams({ username: user.email, password: 'not the password' }),
    });
    expect([wrong.status, errorOf(wrong).code]).toEqual([401, 'INVALID_CREDENTIALS']);
    const bad = await rest(server.url, 'POST', '/api/v1/auth/token', {
      body: new URLSearchParams({ username: 'nobody', password: PASSWORD }),
    });
    expect([bad.status, errorOf(bad).code, errorOf(bad).field]).toEqual([
      400,
      'INVALID_EMAIL',
      'username',
    ]);
    const grant = await rest(server.url, 'POST', '/api/v1/auth/token', {
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        username: user.email,
        password: PASSWORD,
      }),
    });
    expect([grant.status, errorOf(grant).field]).toEqual([400, 'grant_type']);
    const json = await rest(server.url, 'POST', '/api/v1/auth/token', {
      body: { username: user.email, password: PASSWORD },
    });
    expect([json.status, errorOf(json).code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});
