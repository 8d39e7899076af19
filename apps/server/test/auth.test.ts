// Auth through the real server: wire format, status codes, cookies, and the token lifecycle.
import { testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import {
  type AuthBody,
  PASSWORD,
  bearer,
  cookie,
  refreshCookieOf,
  register,
  trpc,
  uniqueEmail,
} from './helpers/auth-http';
import { startTestServer, useTestServer } from './helpers/test-server';

// 7 days; the adapter floors the seconds left, so a slow millisecond can make it 604799.
const COOKIE_FLAGS =
  /^rt=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=(604800|604799)$/;

describe.each(testEngines)('auth over HTTP on %s', (engine) => {
  const server = useTestServer({ engine, config: { rateLimitAuthPoints: 10_000 } });

  it('gives the web its refresh token only as an HttpOnly, SameSite=Strict cookie', async () => {
    const res = await register(server.url, 'cookie');
    expect(res.status).toBe(200);
    expect(res.cookies).toHaveLength(1);
    expect(res.cookies[0]).toMatch(COOKIE_FLAGS);
    const token = refreshCookieOf(res.cookies)!;
    expect(res.text).not.toContain(token);
    expect(Object.keys(res.data!).sort()).toEqual([
      'accessToken',
      'accessTokenExpiresAt',
      'refreshTokenExpiresAt',
      'user',
    ]);
    expect(res.data!.accessTokenExpiresAt).toBeInstanceOf(Date);
  });

  it('gives mobile its refresh token in the body and sets no cookie', async () => {
    const res = await register(server.url, 'token');
    expect(res.cookies).toEqual([]);
    expect(res.data!.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(res.data!.user).sort()).toEqual([
      'createdAt',
      'email',
      'id',
      'name',
      'updatedAt',
    ]);
    expect(res.text).not.toMatch(/passwordHash|argon2/);
  });

  it('rotates the cookie on refresh; the replaced cookie still answers inside the grace window', async () => {
    const first = refreshCookieOf((await register(server.url, 'cookie')).cookies)!;
    const refreshed = await trpc<AuthBody>(server.url, 'auth.refresh', undefined, {
      headers: cookie(first),
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.cookies[0]).toMatch(COOKIE_FLAGS);
    const second = refreshCookieOf(refreshed.cookies)!;
    expect(second).not.toBe(first);
    expect(refreshed.data!.refreshToken).toBeUndefined();
    const again = await trpc<AuthBody>(server.url, 'auth.refresh', undefined, {
      headers: cookie(first),
    });
    expect(again.status).toBe(200);
    expect(again.cookies).toEqual([]);
    const me = await trpc(server.url, 'auth.me', undefined, {
      query: true,
      headers: bearer(again.data!.accessToken),
    });
    expect(me.status).toBe(200);
  });

  it('revokes the session when a replaced token comes back after the grace window (backdated use)', async () => {
    const { data } = await register(server.url, 'token');
    const next = await trpc<AuthBody>(server.url, 'auth.refresh', {
      refreshToken: data!.refreshToken,
    });
    expect(next.data!.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Instead of sleeping 10 s: the rotation happened 11 s ago as far as the database knows.
    await server.db.prisma.refreshToken.updateMany({
      where: { usedAt: { not: null }, session: { userId: data!.user.id } },
      data: { usedAt: new Date(Date.now() - 11_000) },
    });
    const reused = await trpc(server.url, 'auth.refresh', { refreshToken: data!.refreshToken });
    expect([reused.status, reused.error?.appCode]).toEqual([401, 'REFRESH_TOKEN_REUSED']);
    const successor = await trpc(server.url, 'auth.refresh', {
      refreshToken: next.data!.refreshToken,
    });
    expect([successor.status, successor.error?.appCode]).toEqual([401, 'INVALID_REFRESH_TOKEN']);
    const me = await trpc(server.url, 'auth.me', undefined, {
      query: true,
      headers: bearer(next.data!.accessToken),
    });
    expect([me.status, me.error?.appCode]).toEqual([401, 'INVALID_TOKEN']);
  });

  it('answers every refresh failure with 401 and its code, clearing a dead cookie', async () => {
    const missing = await trpc(server.url, 'auth.refresh');
    expect([missing.status, missing.error?.appCode]).toEqual([401, 'MISSING_REFRESH_TOKEN']);
    const unknown = await trpc(server.url, 'auth.refresh', undefined, {
      headers: cookie('Z'.repeat(43)),
    });
    expect([unknown.status, unknown.error?.appCode]).toEqual([401, 'INVALID_REFRESH_TOKEN']);
    expect(unknown.cookies).toEqual(['rt=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0']);
    const { data } = await register(server.url, 'token');
    await server.db.prisma.refreshToken.updateMany({
      where: { session: { userId: data!.user.id } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await trpc(server.url, 'auth.refresh', { refreshToken: data!.refreshToken });
    expect([expired.status, expired.error?.appCode]).toEqual([401, 'REFRESH_TOKEN_EXPIRED']);
  });

  it('answers bad registration and login input with 400/409/401 and the field', async () => {
    const email = uniqueEmail();
    await trpc(server.url, 'auth.register', { email, password: PASSWORD });
    const cases: [string, object, number, string, string | undefined][] = [
      ['auth.register', { email: 'nope', password: PASSWORD }, 400, 'INVALID_EMAIL', 'email'],
      [
        'auth.register',
        { email: uniqueEmail(), password: 'short' },
        400,
        'PASSWORD_TOO_SHORT',
        'password',
      ],
      [
        'auth.register',
        { email: uniqueEmail(), password: 'p'.repeat(257) },
        400,
        'PASSWORD_TOO_LONG',
        'password',
      ],
      [
        'auth.register',
        { email: uniqueEmail(), password: PASSWORD, session: 'jar' },
        400,
        'VALIDATION_ERROR',
        'session',
      ],
      [
        'auth.register',
        { email: email.toUpperCase(), password: PASSWORD },
        409,
        'EMAIL_ALREADY_EXISTS',
        'email',
      ],
      ['auth.login', { email, password: 'wrong password' }, 401, 'INVALID_CREDENTIALS', undefined],
      [
        'auth.login',
        { email: uniqueEmail('ghost'), password: PASSWORD },
        401,
        'INVALID_CREDENTIALS',
        undefined,
      ],
    ];
    for (const [procedure, input, status, appCode, field] of cases) {
      const res = await trpc(server.url, procedure, input);
      expect([procedure, res.status, res.error?.appCode, res.error?.field]).toEqual([
        procedure,
        status,
        appCode,
        field,
      ]);
    }
  });

  it('logs out the current session and clears the cookie; allDevices ends them all', async () => {
    const email = uniqueEmail();
    const web = await trpc<AuthBody>(server.url, 'auth.register', { email, password: PASSWORD });
    const phone = await trpc<AuthBody>(server.url, 'auth.login', {
      email,
      password: PASSWORD,
      session: 'token',
    });
    const tablet = await trpc<AuthBody>(server.url, 'auth.login', {
      email,
      password: PASSWORD,
      session: 'token',
    });
    const out = await trpc(server.url, 'auth.logout', undefined, {
      headers: cookie(refreshCookieOf(web.cookies)!),
    });
    expect([out.status, out.data]).toEqual([200, { ok: true }]);
    expect(out.cookies).toEqual(['rt=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0']);
    const meWeb = await trpc(server.url, 'auth.me', undefined, {
      query: true,
      headers: bearer(web.data!.accessToken),
    });
    expect([meWeb.status, meWeb.error?.appCode]).toEqual([401, 'INVALID_TOKEN']);
    const mePhone = await trpc(server.url, 'auth.me', undefined, {
      query: true,
      headers: bearer(phone.data!.accessToken),
    });
    expect(mePhone.status).toBe(200);
    await trpc(server.url, 'auth.logout', {
      refreshToken: phone.data!.refreshToken,
      allDevices: true,
    });
    const meTablet = await trpc(server.url, 'auth.me', undefined, {
      query: true,
      headers: bearer(tablet.data!.accessToken),
    });
    expect([meTablet.status, meTablet.error?.appCode]).toEqual([401, 'INVALID_TOKEN']);
    expect(
      await server.db.prisma.session.count({ where: { user: { email }, revokedAt: null } }),
    ).toBe(0);
  });

  it('lists, revokes and isolates sessions, and changePassword ends the others', async () => {
    const email = uniqueEmail();
    const a = await trpc<AuthBody>(
      server.url,
      'auth.register',
      { email, password: PASSWORD, session: 'token' },
      { headers: { 'user-agent': 'phone/1.0' } },
    );
    const b = await trpc<AuthBody>(
      server.url,
      'auth.login',
      { email, password: PASSWORD, session: 'token' },
      { headers: { 'user-agent': 'laptop/2.0' } },
    );
    const stranger = await register(server.url, 'token');
    const list = await trpc<{ id: string; userAgent: string; ip: string; current: boolean }[]>(
      server.url,
      'auth.sessions',
      undefined,
      { query: true, headers: bearer(a.data!.accessToken) },
    );
    expect(list.data!.map((s) => [s.userAgent, s.ip, s.current]).sort()).toEqual([
      ['laptop/2.0', '127.0.0.1', false],
      ['phone/1.0', '127.0.0.1', true],
    ]);
    const strangerSessions = await trpc<{ id: string }[]>(server.url, 'auth.sessions', undefined, {
      query: true,
      headers: bearer(stranger.data!.accessToken),
    });
    const foreign = await trpc(
      server.url,
      'auth.revokeSession',
      { sessionId: strangerSessions.data![0]!.id },
      { headers: bearer(a.data!.accessToken) },
    );
    expect([foreign.status, foreign.error?.appCode]).toEqual([404, 'NOT_FOUND']);

    const wrong = await trpc(
      server.url,
      'auth.changePassword',
      { currentPassword: 'not my password', newPassword: 'new password 1' },
      { headers: bearer(a.data!.accessToken) },
    );
    expect([wrong.status, wrong.error?.appCode]).toEqual([401, 'INVALID_CREDENTIALS']);
    const changed = await trpc(
      server.url,
      'auth.changePassword',
      { currentPassword: PASSWORD, newPassword: 'new password 1' },
      { headers: bearer(a.data!.accessToken) },
    );
    expect([changed.status, changed.data]).toEqual([200, { ok: true }]);
    const meB = await trpc(server.url, 'auth.me', undefined, {
      query: true,
      headers: bearer(b.data!.accessToken),
    });
    expect([meB.status, meB.error?.appCode]).toEqual([401, 'INVALID_TOKEN']);
    const meA = await trpc(server.url, 'auth.me', undefined, {
      query: true,
      headers: bearer(a.data!.accessToken),
    });
    expect(meA.status).toBe(200);
    const strangerMe = await trpc(server.url, 'auth.me', undefined, {
      query: true,
      headers: bearer(stranger.data!.accessToken),
    });
    expect(strangerMe.status).toBe(200);
  });
});

describe('auth cookie in production', () => {
  it('adds Secure and the __Host- prefix to the refresh cookie in production', async () => {
    const server = await startTestServer({
      config: { nodeEnv: 'production', rateLimitAuthPoints: 100 },
    });
    try {
      const res = await register(server.url, 'cookie');
      expect(res.cookies[0]).toMatch(
        /^__Host-rt=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=(604800|604799); Secure$/,
      );
    } finally {
      await server.close();
    }
  });
});
