import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTokens } from './access-token';
import { type Authenticator, createAuthenticator, parseBearer } from './authenticate';
import { userSelect } from './public-user';
import { createExternalIssuer } from './external-issuer';
import { startSession } from './refresh-session';
import { revokeSession } from './sessions';
import { type JwksServer, hmacToken, startJwksServer, authErrorCodeOf } from './testing';

const ours = {
  secret: 'our-secret-0123456789abcdef0123456789abcdef',
  issuer: 'typed-backend',
  audience: 'clients',
};
const externalOrigin = 'http://127.0.0.1:3001';
const client = { userAgent: null, ip: null };

describe('parseBearer', () => {
  it.each([null, undefined, '', '   '])('answers MISSING_TOKEN for %j', (header) => {
    expect(() => parseBearer(header)).toThrow(
      expect.objectContaining({ appCode: 'MISSING_TOKEN' }),
    );
  });
  it.each([
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNz',
    'Token abc',
    'abc',
    'Bearer a b',
    'Bearer\tabc',
  ])('answers INVALID_TOKEN for %j', (header) => {
    expect(() => parseBearer(header)).toThrow(
      expect.objectContaining({ appCode: 'INVALID_TOKEN' }),
    );
  });
  it('takes the token of a case-insensitive Bearer scheme', () => {
    expect(parseBearer('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(parseBearer('Bearer  abc ')).toBe('abc');
  });
});

describe.each(testEngines)('authenticate on %s', (engine) => {
  let db: TestDatabase;
  let jwks: JwksServer;
  let authenticate: Authenticator;
  const tokens = createAccessTokens(ours);

  beforeAll(async () => {
    [db, jwks] = await Promise.all([createTestDatabase(engine), startJwksServer()]);
    const external = createExternalIssuer({
      issuer: externalOrigin,
      audience: externalOrigin,
      jwksUrl: jwks.url,
    });
    authenticate = createAuthenticator({ prisma: db.prisma, accessTokens: tokens, external });
  });
  afterAll(async () => Promise.all([db?.close(), jwks?.close()]));

  async function signIn(email: string) {
    const user = await db.prisma.user.create({
      data: { email, name: 'Ada', passwordHash: 'not-a-real-hash' },
      select: userSelect,
    });
    const { sessionId } = await startSession(db.prisma, user.id, client);
    const { token, expiresAt } = await tokens.sign({ userId: user.id, email, sessionId });
    return { user, sessionId, expiresAt, header: `Bearer ${token}` };
  }

  it('resolves our token to its whole public user (never the hash) and its session', async () => {
    const { user, sessionId, expiresAt, header } = await signIn('me@example.com');
    const caller = await authenticate(header);
    // expiresAt is the token's own exp: live-sync streams end there.
    expect(caller).toEqual({ user, sessionId, expiresAt });
    expect(Object.keys(caller.user).sort()).toEqual([
      'createdAt',
      'email',
      'id',
      'name',
      'updatedAt',
    ]);
  });

  it('refuses a token whose session was revoked, at once', async () => {
    const { user, sessionId, header } = await signIn('revoked@example.com');
    await revokeSession(db.prisma, user.id, sessionId);
    expect(await authErrorCodeOf(authenticate(header))).toBe('INVALID_TOKEN');
  });

  it('refuses a fresh token whose session has expired', async () => {
    const { sessionId, header } = await signIn('stale-session@example.com');
    await db.prisma.session.update({
      where: { id: sessionId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await authErrorCodeOf(authenticate(header))).toBe('INVALID_TOKEN');
  });

  it('refuses a signed token whose ids are not UUIDs as invalid, not as a database error', async () => {
    const { user, sessionId } = await signIn('odd-ids@example.com');
    for (const ids of [
      { userId: 'not-a-uuid', sessionId },
      { userId: user.id, sessionId: `${sessionId}'--` },
    ]) {
      const { token } = await tokens.sign({ ...ids, email: user.email });
      expect(await authErrorCodeOf(authenticate(`Bearer ${token}`))).toBe('INVALID_TOKEN');
    }
  });

  it('refuses a token whose user no longer exists', async () => {
    const { user, header } = await signIn('gone@example.com');
    await db.prisma.user.delete({ where: { id: user.id } });
    expect(await authErrorCodeOf(authenticate(header))).toBe('INVALID_TOKEN');
  });

  it('refuses a token naming another user than its session', async () => {
    const a = await signIn('a@example.com');
    const b = await signIn('b@example.com');
    const { token } = await tokens.sign({
      userId: b.user.id,
      email: b.user.email,
      sessionId: a.sessionId,
    });
    expect(await authErrorCodeOf(authenticate(`Bearer ${token}`))).toBe('INVALID_TOKEN');
  });

  it('answers TOKEN_EXPIRED for an expired token of ours', async () => {
    const { header } = await signIn('late@example.com');
    expect(await authErrorCodeOf(authenticate(header, new Date(Date.now() + 16 * 60_000)))).toBe(
      'TOKEN_EXPIRED',
    );
  });

  it('maps an external token to a user created on first sight, without a session', async () => {
    const token = await jwks.sign({
      sub: 'ext-1',
      email: 'ext@example.com',
      iss: externalOrigin,
      aud: externalOrigin,
    });
    const caller = await authenticate(`Bearer ${token}`);
    expect(caller).toEqual({
      user: {
        id: expect.any(String) as string,
        email: 'ext@example.com',
        name: null,
        createdAt: expect.any(Date) as Date,
        updatedAt: expect.any(Date) as Date,
      },
      sessionId: null,
    });
    expect((await authenticate(`Bearer ${token}`)).user.id).toBe(caller.user.id);
  });

  it('never confuses the two kinds of token', async () => {
    // Our issuer, external key: our verifier refuses it.
    const ourIssWithExternalKey = await jwks.sign(
      {
        sub: 'x',
        iss: ours.issuer,
        aud: ours.audience,
        sid: 'x',
        email: 'x',
        type: 'access',
        jti: 'j',
      },
      { header: { typ: 'at+jwt' } },
    );
    expect(await authErrorCodeOf(authenticate(`Bearer ${ourIssWithExternalKey}`))).toBe(
      'INVALID_TOKEN',
    );
    // External issuer, our secret and typ: the external verifier refuses it.
    const iat = Math.floor(Date.now() / 1000);
    const externalIssWithOurKey = hmacToken(
      { alg: 'HS256', typ: 'at+jwt' },
      { sub: 'x', iss: externalOrigin, aud: externalOrigin, iat, exp: iat + 60 },
      ours.secret,
    );
    expect(await authErrorCodeOf(authenticate(`Bearer ${externalIssWithOurKey}`))).toBe(
      'INVALID_TOKEN',
    );
    // Unknown issuer, and no issuer at all.
    const unknown = hmacToken(
      { alg: 'HS256', typ: 'at+jwt' },
      { sub: 'x', iss: 'https://nobody.test', iat, exp: iat + 60 },
      ours.secret,
    );
    expect(await authErrorCodeOf(authenticate(`Bearer ${unknown}`))).toBe('INVALID_TOKEN');
    expect(await authErrorCodeOf(authenticate('Bearer not-a-jwt'))).toBe('INVALID_TOKEN');
  });

  it('refuses an external issuer equal to ours', () => {
    const external = createExternalIssuer({
      issuer: ours.issuer,
      audience: 'x',
      secret: 'y'.repeat(32),
    });
    expect(() =>
      createAuthenticator({ prisma: db.prisma, accessTokens: tokens, external }),
    ).toThrow(/differ/);
  });
});
