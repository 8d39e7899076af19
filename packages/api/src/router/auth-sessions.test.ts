import { createExternalIssuer } from '@repo/auth';
import { hmacToken } from '@repo/auth/testing';
import { testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import { createAuthHarness } from '../testing/auth-harness';
import { errorOf } from '../testing/error-shape';
import { useAuthHarness } from '../testing/fixtures';

const password = 'correct horse battery';
const external = {
  issuer: 'https://front.test',
  audience: 'https://front.test',
  secret: 'front-shared-secret-0123456789abcdef',
};

describe.each(testEngines)('auth router: sessions and passwords on %s', (engine) => {
  const h = useAuthHarness(engine, { external: createExternalIssuer(external) });
  let n = 0;
  const signUp = () => h.signUp(`s${++n}@example.com`);
  const loginAgain = (email: string) =>
    h
      .call({ userAgent: 'second device', ip: '198.51.100.7' })
      .auth.login({ email, password, session: 'token' });

  it("lists the caller's live sessions and marks the current one", async () => {
    const first = await signUp();
    const second = await loginAgain(first.user.email);
    const ended = await loginAgain(first.user.email);
    await h.as(ended.accessToken).auth.logout();
    await signUp();
    const sessions = await h.as(first.accessToken).auth.sessions();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current);
    expect(other).toMatchObject({ userAgent: 'second device', ip: '198.51.100.7' });
    expect(Object.keys(other!).sort()).toEqual([
      'createdAt',
      'current',
      'id',
      'ip',
      'lastUsedAt',
      'userAgent',
    ]);
    expect((await h.as(second.accessToken).auth.sessions()).find((s) => s.current)?.id).toBe(
      other!.id,
    );
  });

  it("revokes one's own session, and answers NOT_FOUND for another user's, leaving it alive", async () => {
    const mine = await signUp();
    const other = await loginAgain(mine.user.email);
    const stranger = await signUp();
    const [strangerSession] = await h.as(stranger.accessToken).auth.sessions();
    expect(
      await errorOf(h.as(mine.accessToken).auth.revokeSession({ sessionId: strangerSession!.id })),
    ).toMatchObject({ status: 404, appCode: 'NOT_FOUND' });
    expect((await h.as(stranger.accessToken).auth.me()).id).toBe(stranger.user.id);
    expect(
      (await errorOf(h.as(mine.accessToken).auth.revokeSession({ sessionId: crypto.randomUUID() })))
        .appCode,
    ).toBe('NOT_FOUND');
    expect(
      (await errorOf(h.as(mine.accessToken).auth.revokeSession({ sessionId: 'nope' }))).appCode,
    ).toBe('VALIDATION_ERROR');
    const otherId = (await h.as(mine.accessToken).auth.sessions()).find((s) => !s.current)!.id;
    expect(await h.as(mine.accessToken).auth.revokeSession({ sessionId: otherId })).toEqual({
      ok: true,
    });
    expect((await errorOf(h.as(other.accessToken).auth.me())).appCode).toBe('INVALID_TOKEN');
    expect(
      (await errorOf(h.as(mine.accessToken).auth.revokeSession({ sessionId: otherId }))).appCode,
    ).toBe('NOT_FOUND');
  });

  it('changes the password with the current one and ends every other session', async () => {
    const current = await signUp();
    const others = [await loginAgain(current.user.email), await loginAgain(current.user.email)];
    const wrong = await errorOf(
      h
        .as(current.accessToken)
        .auth.changePassword({ currentPassword: 'not it at all', newPassword: 'brand new secret' }),
    );
    expect(wrong).toMatchObject({
      status: 401,
      appCode: 'INVALID_CREDENTIALS',
      field: 'currentPassword',
    });
    expect(
      (
        await errorOf(
          h
            .as(current.accessToken)
            .auth.changePassword({ currentPassword: password, newPassword: 'short' }),
        )
      ).appCode,
    ).toBe('PASSWORD_TOO_SHORT');
    expect(
      await h.db.prisma.session.count({ where: { userId: current.user.id, revokedAt: null } }),
    ).toBe(3);

    expect(
      await h
        .as(current.accessToken)
        .auth.changePassword({ currentPassword: password, newPassword: 'brand new secret' }),
    ).toEqual({ ok: true });
    expect(
      await h.db.prisma.session.count({ where: { userId: current.user.id, revokedAt: null } }),
    ).toBe(1);
    for (const other of others)
      expect((await errorOf(h.as(other.accessToken).auth.me())).appCode).toBe('INVALID_TOKEN');
    expect((await h.as(current.accessToken).auth.me()).id).toBe(current.user.id);
    expect(
      (await errorOf(h.call().auth.login({ email: current.user.email, password }))).appCode,
    ).toBe('INVALID_CREDENTIALS');
    await h.call().auth.login({ email: current.user.email, password: 'brand new secret' });
  });

  it('accepts an external token, creating its user once, with no sessions and no password', async () => {
    const iat = Math.floor(h.clock.now().getTime() / 1000);
    const token = hmacToken(
      { alg: 'HS256' },
      {
        sub: 'front-user',
        email: 'front@example.com',
        iss: external.issuer,
        aud: external.audience,
        iat,
        exp: iat + 900,
      },
      external.secret,
    );
    const me = await h.as(token).auth.me();
    expect(me).toMatchObject({ email: 'front@example.com', name: null });
    expect((await h.as(token).auth.me()).id).toBe(me.id);
    expect(
      await h.db.prisma.user.count({
        where: { externalIssuer: external.issuer, externalSubject: 'front-user' },
      }),
    ).toBe(1);
    expect(await h.as(token).auth.sessions()).toEqual([]);
    expect(
      (
        await errorOf(
          h
            .as(token)
            .auth.changePassword({ currentPassword: 'anything', newPassword: 'whatever123' }),
        )
      ).appCode,
    ).toBe('INVALID_CREDENTIALS');
    const expired = hmacToken(
      { alg: 'HS256' },
      {
        sub: 'front-user',
        iss: external.issuer,
        aud: external.audience,
        iat: iat - 3600,
        exp: iat - 1800,
      },
      external.secret,
    );
    expect((await errorOf(h.as(expired).auth.me())).appCode).toBe('TOKEN_EXPIRED');
  });

  it('shares one rate-limit budget between register and login per client IP', async () => {
    const limited = createAuthHarness(h.db, { points: 5 });
    const from = (ip: string) => limited.call({ ip });
    await from('192.0.2.1').auth.register({ email: 'rl@example.com', password, session: 'token' });
    await errorOf(from('192.0.2.1').auth.register({ email: 'not an email', password }));
    await from('192.0.2.1').auth.login({ email: 'rl@example.com', password });
    await errorOf(
      from('192.0.2.1').auth.login({ email: 'rl@example.com', password: 'wrong password' }),
    );
    await from('192.0.2.1').auth.login({ email: 'rl@example.com', password });
    for (const call of [
      () => from('192.0.2.1').auth.login({ email: 'rl@example.com', password }),
      () => from('192.0.2.1').auth.register({ email: 'rl2@example.com', password }),
    ]) {
      expect(await errorOf(call())).toEqual({
        status: 429,
        appCode: 'RATE_LIMIT_EXCEEDED',
        field: undefined,
        retryAfter: 42,
        message: 'Too many attempts; retry in 42 s',
      });
    }
    expect(await h.db.prisma.user.count({ where: { email: 'rl2@example.com' } })).toBe(0);
    expect(
      (await from('192.0.2.2').auth.login({ email: 'rl@example.com', password })).user.email,
    ).toBe('rl@example.com');
  });

  it('limits password changes per user, from any address, before checking the password', async () => {
    const limited = createAuthHarness(h.db, { points: 2 });
    const account = await limited
      .call()
      .auth.register({ email: 'pc@example.com', password, session: 'token' });
    const guess = (ip: string) =>
      errorOf(
        limited.as(account.accessToken, { ip }).auth.changePassword({
          currentPassword: 'a wrong guess',
          newPassword: 'brand new secret',
        }),
      );
    expect((await guess('192.0.2.10')).appCode).toBe('INVALID_CREDENTIALS');
    expect((await guess('192.0.2.11')).appCode).toBe('INVALID_CREDENTIALS');
    expect(await guess('192.0.2.12')).toMatchObject({
      status: 429,
      appCode: 'RATE_LIMIT_EXCEEDED',
      retryAfter: 42,
    });
    // Even the right password waits: the budget is spent before the check.
    const right = limited
      .as(account.accessToken)
      .auth.changePassword({ currentPassword: password, newPassword: 'brand new secret' });
    expect((await errorOf(right)).appCode).toBe('RATE_LIMIT_EXCEEDED');
  });

  it('limits failed logins per account across addresses; successes do not count', async () => {
    const limited = createAuthHarness(h.db, { accountPoints: 2 });
    await limited
      .call()
      .auth.register({ email: 'stuffed@example.com', password, session: 'token' });
    const login = (ip: string, attempt: string) =>
      limited.call({ ip }).auth.login({ email: 'stuffed@example.com', password: attempt });
    for (let i = 0; i < 3; i++) await login('198.51.100.1', password); // refunded each time
    expect((await errorOf(login('198.51.100.2', 'guess one'))).appCode).toBe('INVALID_CREDENTIALS');
    expect((await errorOf(login('198.51.100.3', 'guess two'))).appCode).toBe('INVALID_CREDENTIALS');
    expect(await errorOf(login('198.51.100.4', 'guess three'))).toMatchObject({
      status: 429,
      appCode: 'RATE_LIMIT_EXCEEDED',
      retryAfter: 42,
    });
    // Other accounts are untouched.
    await limited.call().auth.register({ email: 'other@example.com', password, session: 'token' });
    const other = await limited
      .call({ ip: '198.51.100.4' })
      .auth.login({ email: 'other@example.com', password });
    expect(other.user.email).toBe('other@example.com');
  });

  it('counts an IPv6 client by its /64, so rotating addresses buys no attempts', async () => {
    const limited = createAuthHarness(h.db, { points: 3 });
    const from = (ip: string) => limited.call({ ip });
    for (const ip of ['2001:db8:1:2::1', '2001:db8:1:2::abcd', '2001:db8:1:2:ffff::9']) {
      await errorOf(from(ip).auth.login({ email: 'v6@example.com', password }));
    }
    const next = await errorOf(
      from('2001:db8:1:2::77').auth.login({ email: 'v6@example.com', password }),
    );
    expect(next.appCode).toBe('RATE_LIMIT_EXCEEDED');
    // Another /64 is another client.
    const other = await errorOf(
      from('2001:db8:1:3::1').auth.login({ email: 'v6@example.com', password }),
    );
    expect(other.appCode).toBe('INVALID_CREDENTIALS');
  });
});
