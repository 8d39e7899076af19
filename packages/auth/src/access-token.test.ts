import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAccessTokens } from './access-token';
import type { AuthError } from './errors';
import { hmacToken, unsignedToken, withPayload, decodePayload, authErrorCodeOf } from './testing';

const secret = 'test-secret-0123456789abcdef0123456789abcdef';
const config = { secret, issuer: 'https://api.test', audience: 'https://app.test' };
const tokens = createAccessTokens(config);
const now = new Date('2026-11-21T12:00:00.000Z');
const iat = Math.floor(now.getTime() / 1000);
const subject = {
  userId: '6f1c2d3e-0000-4000-8000-000000000001',
  email: 'a@example.com',
  sessionId: '6f1c2d3e-0000-4000-8000-000000000002',
};
const claims = {
  sub: subject.userId,
  email: subject.email,
  sid: subject.sessionId,
  type: 'access',
  iss: config.issuer,
  aud: config.audience,
  iat,
  exp: iat + 900,
  jti: 'j1',
};
const header = { alg: 'HS256', typ: 'at+jwt' };

const codeOf = (token: string, at = now) => authErrorCodeOf(tokens.verify(token, at));

describe('access tokens', () => {
  it('signs HS256 at+jwt tokens with every claim of docs/contract.md, valid for 15 minutes', async () => {
    const { token, expiresAt } = await tokens.sign(subject, now);
    const [head] = token.split('.');
    expect(JSON.parse(Buffer.from(head!, 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'at+jwt',
    });
    const payload = decodePayload(token);
    expect(payload).toMatchObject({ ...claims, jti: expect.any(String) as string });
    expect(Object.keys(payload).sort()).toEqual([
      'aud',
      'email',
      'exp',
      'iat',
      'iss',
      'jti',
      'sid',
      'sub',
      'type',
    ]);
    expect(expiresAt.toISOString()).toBe('2026-11-21T12:15:00.000Z');
    expect(await tokens.verify(token, now)).toEqual({
      ...subject,
      tokenId: payload.jti,
      expiresAt,
    });
  });

  it('gives each token its own jti', async () => {
    const a = decodePayload((await tokens.sign(subject, now)).token);
    const b = decodePayload((await tokens.sign(subject, now)).token);
    expect(a.jti).not.toBe(b.jti);
  });

  it('accepts a hand-made token equal to its own, proving the checks below test one thing each', async () => {
    expect((await tokens.verify(hmacToken(header, claims, secret), now)).userId).toBe(
      subject.userId,
    );
  });

  it('answers TOKEN_EXPIRED after expiry beyond the 5 s tolerance, not before', async () => {
    const { token } = await tokens.sign(subject, now);
    expect((await tokens.verify(token, new Date(now.getTime() + 904_000))).userId).toBe(
      subject.userId,
    );
    expect(await codeOf(token, new Date(now.getTime() + 906_000))).toBe('TOKEN_EXPIRED');
  });

  it('refuses secrets under 256 bits', () => {
    expect(() => createAccessTokens({ ...config, secret: 'short-secret' })).toThrow(/32 bytes/);
  });

  it.each<[string, () => Promise<string> | string]>([
    ['alg none', () => unsignedToken(claims)],
    ['alg none, upper case', () => unsignedToken(claims, { alg: 'NONE', typ: 'at+jwt' })],
    [
      'HS384 with the right secret',
      () => hmacToken({ ...header, alg: 'HS384' }, claims, secret, 'sha384'),
    ],
    [
      'HS512 with the right secret',
      () => hmacToken({ ...header, alg: 'HS512' }, claims, secret, 'sha512'),
    ],
    [
      'an RS256 header over an HMAC signature',
      () => hmacToken({ ...header, alg: 'RS256' }, claims, secret),
    ],
    [
      'an ES256 header over an HMAC signature',
      () => hmacToken({ ...header, alg: 'ES256' }, claims, secret),
    ],
    [
      'a real RS256 token',
      async () =>
        new SignJWT(claims)
          .setProtectedHeader({ ...header, alg: 'RS256' })
          .sign((await generateKeyPair('RS256')).privateKey),
    ],
    [
      'a real ES256 token',
      async () =>
        new SignJWT(claims)
          .setProtectedHeader({ ...header, alg: 'ES256' })
          .sign((await generateKeyPair('ES256')).privateKey),
    ],
    ['a signature by another secret', () => hmacToken(header, claims, `${secret}-other`)],
    [
      'a tampered payload',
      () => withPayload(hmacToken(header, claims, secret), { ...claims, sub: 'someone-else' }),
    ],
    ['nbf in the future', () => hmacToken(header, { ...claims, nbf: iat + 60 }, secret)],
    ['a wrong issuer', () => hmacToken(header, { ...claims, iss: 'https://evil.test' }, secret)],
    ['a wrong audience', () => hmacToken(header, { ...claims, aud: 'https://other.test' }, secret)],
    ['typ JWT', () => hmacToken({ ...header, typ: 'JWT' }, claims, secret)],
    ['no typ', () => hmacToken({ alg: 'HS256' }, claims, secret)],
    ['type refresh', () => hmacToken(header, { ...claims, type: 'refresh' }, secret)],
    ['no type claim', () => hmacToken(header, { ...claims, type: undefined }, secret)],
    ['no sid', () => hmacToken(header, { ...claims, sid: undefined }, secret)],
    ['no jti', () => hmacToken(header, { ...claims, jti: undefined }, secret)],
    ['no exp', () => hmacToken(header, { ...claims, exp: undefined }, secret)],
    [
      'an expired token with a bad signature',
      () => hmacToken(header, { ...claims, exp: iat - 60 }, `${secret}-other`),
    ],
    ['garbage', () => 'not.a.jwt'],
    ['two segments', () => 'abc.def'],
  ])('rejects %s with INVALID_TOKEN', async (_name, make) => {
    expect(await codeOf(await make())).toBe('INVALID_TOKEN');
  });
});

describe('configured lifetime (ACCESS_TOKEN_TTL_SECONDS)', () => {
  it('expires a token after ttlSeconds, not the default 15 minutes', async () => {
    const short = createAccessTokens({ ...config, ttlSeconds: 8 });
    const { token, expiresAt } = await short.sign(subject, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(8_000);
    await expect(short.verify(token, new Date(now.getTime() + 7_000))).resolves.toMatchObject({
      userId: subject.userId,
    });
    // Past exp plus the 5 s clock tolerance.
    const error = await short
      .verify(token, new Date(now.getTime() + 14_000))
      .catch((e: unknown) => e);
    expect((error as AuthError).appCode).toBe('TOKEN_EXPIRED');
  });
});
