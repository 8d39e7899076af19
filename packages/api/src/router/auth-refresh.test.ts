import { REUSE_GRACE_MS } from '@repo/auth';
import { testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../testing/error-shape';
import { useAuthHarness } from '../testing/fixtures';

const DAY = 24 * 3600 * 1000;

describe.each(testEngines)('auth router: refresh and logout on %s', (engine) => {
  const h = useAuthHarness(engine);
  let n = 0;
  const signUp = () => h.signUp(`r${++n}@example.com`);

  it('rotates a body token into a new body token and a working access token', async () => {
    const first = await signUp();
    h.clock.advance(60_000);
    const next = await h.call().auth.refresh({ refreshToken: first.refreshToken });
    expect(next.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect(next.accessToken).not.toBe(first.accessToken);
    expect(next.refreshTokenExpiresAt.getTime()).toBe(h.clock.now().getTime() + 7 * DAY);
    expect(await h.as(next.accessToken).auth.me()).toEqual(first.user);
  });

  it('rotates a cookie into a new cookie, with nothing in the body', async () => {
    const { api, response } = h.client();
    await api.auth.register({ email: 'cookie@example.com', password: 'correct horse battery' });
    const cookie = response.events[0] && 'set' in response.events[0] ? response.events[0].set : '';
    const refreshed = h.client({ refreshCookie: cookie });
    const result = await refreshed.api.auth.refresh();
    expect('refreshToken' in result).toBe(false);
    expect(refreshed.response.events).toEqual([
      { set: expect.not.stringMatching(cookie) as string, expiresAt: result.refreshTokenExpiresAt },
    ]);
  });

  it('inside the grace window gives a new access token, no refresh token, and keeps the session', async () => {
    const first = await signUp();
    const winner = await h.call().auth.refresh({ refreshToken: first.refreshToken });
    h.clock.advance(REUSE_GRACE_MS - 1);
    const late = await h.call().auth.refresh({ refreshToken: first.refreshToken });
    expect('refreshToken' in late).toBe(false);
    expect(late.refreshTokenExpiresAt).toEqual(winner.refreshTokenExpiresAt);
    expect((await h.as(late.accessToken).auth.me()).id).toBe(first.user.id);
    // The winner's token still rotates: a fresh 256-bit token (43 base64url characters).
    const next = await h.call().auth.refresh({ refreshToken: winner.refreshToken });
    expect(next.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(next.refreshToken).not.toBe(winner.refreshToken);
  });

  it('after the grace window answers REFRESH_TOKEN_REUSED and ends the session for every holder', async () => {
    const first = await signUp();
    const winner = await h.call().auth.refresh({ refreshToken: first.refreshToken });
    h.clock.advance(REUSE_GRACE_MS + 1);
    expect(
      await errorOf(h.call().auth.refresh({ refreshToken: first.refreshToken })),
    ).toMatchObject({ status: 401, appCode: 'REFRESH_TOKEN_REUSED' });
    expect(
      (await errorOf(h.call().auth.refresh({ refreshToken: winner.refreshToken }))).appCode,
    ).toBe('INVALID_REFRESH_TOKEN');
    expect((await errorOf(h.as(winner.accessToken).auth.me())).appCode).toBe('INVALID_TOKEN');
  });

  it('answers MISSING, INVALID and EXPIRED refresh tokens with their codes, dropping a dead cookie', async () => {
    expect(await errorOf(h.call().auth.refresh())).toMatchObject({
      status: 401,
      appCode: 'MISSING_REFRESH_TOKEN',
    });
    expect((await errorOf(h.call().auth.refresh({ refreshToken: '' }))).appCode).toBe(
      'MISSING_REFRESH_TOKEN',
    );
    expect((await errorOf(h.call().auth.refresh({ refreshToken: 'A'.repeat(43) }))).appCode).toBe(
      'INVALID_REFRESH_TOKEN',
    );
    const { api, response } = h.client({ refreshCookie: 'B'.repeat(43) });
    expect(await errorOf(api.auth.refresh())).toMatchObject({
      status: 401,
      appCode: 'INVALID_REFRESH_TOKEN',
    });
    expect(response.events).toEqual([{ cleared: true }]);
    const first = await signUp();
    h.clock.advance(7 * DAY + 1);
    expect(
      (await errorOf(h.call().auth.refresh({ refreshToken: first.refreshToken }))).appCode,
    ).toBe('REFRESH_TOKEN_EXPIRED');
  });

  it('logs out one session: its tokens die at once, the other device stays signed in', async () => {
    const phone = await signUp();
    const laptop = await h
      .call()
      .auth.login({ email: phone.user.email, password: 'correct horse battery', session: 'token' });
    const { api, response } = h.client();
    expect(await api.auth.logout({ refreshToken: phone.refreshToken })).toEqual({ ok: true });
    expect(response.events).toEqual([{ cleared: true }]);
    expect((await errorOf(h.as(phone.accessToken).auth.me())).appCode).toBe('INVALID_TOKEN');
    expect(
      (await errorOf(h.call().auth.refresh({ refreshToken: phone.refreshToken }))).appCode,
    ).toBe('INVALID_REFRESH_TOKEN');
    expect((await h.as(laptop.accessToken).auth.me()).id).toBe(phone.user.id);
    expect(await h.call().auth.logout({ refreshToken: phone.refreshToken })).toEqual({ ok: true });
  });

  it('logs out every device with allDevices, touching no other user', async () => {
    const a = await signUp();
    const a2 = await h
      .call()
      .auth.login({ email: a.user.email, password: 'correct horse battery', session: 'token' });
    const b = await signUp();
    await h.call({ refreshCookie: a.refreshToken }).auth.logout({ allDevices: true });
    expect(await h.db.prisma.session.count({ where: { userId: a.user.id, revokedAt: null } })).toBe(
      0,
    );
    expect((await errorOf(h.as(a2.accessToken).auth.me())).appCode).toBe('INVALID_TOKEN');
    expect(await h.db.prisma.session.count({ where: { userId: b.user.id, revokedAt: null } })).toBe(
      1,
    );
  });

  it('refuses allDevices with a refresh token rotated out, and accepts the current one', async () => {
    const a = await signUp();
    const other = await h
      .call()
      .auth.login({ email: a.user.email, password: 'correct horse battery', session: 'token' });
    const rotated = await h.call().auth.refresh({ refreshToken: a.refreshToken });
    expect(
      await errorOf(h.call().auth.logout({ refreshToken: a.refreshToken, allDevices: true })),
    ).toMatchObject({ status: 401, appCode: 'INVALID_REFRESH_TOKEN' });
    expect((await h.as(other.accessToken).auth.me()).id).toBe(a.user.id);
    const current = rotated.refreshToken ?? '';
    expect(await h.call().auth.logout({ refreshToken: current, allDevices: true })).toEqual({
      ok: true,
    });
    expect(await h.db.prisma.session.count({ where: { userId: a.user.id, revokedAt: null } })).toBe(
      0,
    );
  });

  it('logs out by access token alone, and needs one token or the other', async () => {
    const a = await signUp();
    expect(await h.as(a.accessToken).auth.logout()).toEqual({ ok: true });
    expect((await errorOf(h.as(a.accessToken).auth.me())).appCode).toBe('INVALID_TOKEN');
    expect(await errorOf(h.call().auth.logout())).toMatchObject({
      status: 401,
      appCode: 'MISSING_REFRESH_TOKEN',
    });
    expect((await errorOf(h.call().auth.logout({ refreshToken: 'C'.repeat(43) }))).appCode).toBe(
      'INVALID_REFRESH_TOKEN',
    );
  });

  it('leaves exactly one live successor when one token is refreshed concurrently', async () => {
    const first = await signUp();
    const session = await h.db.prisma.session.findFirstOrThrow({
      where: { userId: first.user.id },
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => h.call().auth.refresh({ refreshToken: first.refreshToken })),
    );
    expect(results.filter((r) => r.refreshToken)).toHaveLength(1);
    expect(await h.db.prisma.refreshToken.count({ where: { sessionId: session.id } })).toBe(2);
    expect(
      await h.db.prisma.refreshToken.count({ where: { sessionId: session.id, usedAt: null } }),
    ).toBe(1);
  });
});
