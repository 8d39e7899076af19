// Every access-token rejection of docs/contract.md (Tokens, Errors), as a client sees it: 401 and the exact appCode.
import { hmacToken, unsignedToken, withPayload } from '@repo/auth/testing';
import { testEngines } from '@repo/db/testing';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthBody, bearer, register, trpc } from './helpers/auth-http';
import { TEST_JWT_SECRET, type TestServer, startTestServer } from './helpers/test-server';

describe.each(testEngines)('access-token rejections over HTTP on %s', (engine) => {
  let server: TestServer;
  let session: AuthBody;
  let claims: Record<string, unknown>;
  const header = { alg: 'HS256', typ: 'at+jwt' };
  const me = (headers: Record<string, string>) =>
    trpc(server.url, 'auth.me', undefined, { query: true, headers });
  const withToken = async (token: string) => me(bearer(token));

  beforeAll(async () => {
    server = await startTestServer({ engine, config: { rateLimitAuthPoints: 1000 } });
    session = (await register(server.url, 'token')).data!;
    const iat = Math.floor(Date.now() / 1000);
    const { jwtIssuer: iss, jwtAudience: aud } = server.config;
    const sid = (
      await server.db.prisma.session.findFirstOrThrow({ where: { userId: session.user.id } })
    ).id;
    claims = {
      sub: session.user.id,
      email: session.user.email,
      sid,
      type: 'access',
      iss,
      aud,
      iat,
      exp: iat + 900,
      jti: 'j',
    };
  });
  afterAll(() => server?.close());

  it('accepts the genuine token and a hand-made twin (the baseline every case below departs from)', async () => {
    expect((await withToken(session.accessToken)).status).toBe(200);
    expect((await withToken(hmacToken(header, claims, TEST_JWT_SECRET))).status).toBe(200);
  });

  it.each<[string, Record<string, string>]>([
    ['no Authorization header', {}],
    ['an empty Authorization header', { authorization: '' }],
  ])('answers MISSING_TOKEN for %s', async (_name, headers) => {
    const res = await me(headers);
    expect([res.status, res.error?.appCode]).toEqual([401, 'MISSING_TOKEN']);
  });

  it.each<[string, () => Promise<Record<string, string>> | Record<string, string>]>([
    ['the Basic scheme', () => ({ authorization: `Basic ${session.accessToken}` })],
    ['a token without a scheme', () => ({ authorization: session.accessToken })],
    ['Bearer with an empty token', () => ({ authorization: 'Bearer ' })],
    ['alg none', () => bearer(unsignedToken(claims))],
    [
      'HS384 with the right secret',
      () => bearer(hmacToken({ ...header, alg: 'HS384' }, claims, TEST_JWT_SECRET, 'sha384')),
    ],
    [
      'HS512 with the right secret',
      () => bearer(hmacToken({ ...header, alg: 'HS512' }, claims, TEST_JWT_SECRET, 'sha512')),
    ],
    [
      'an RS256 token',
      async () =>
        bearer(
          await new SignJWT(claims)
            .setProtectedHeader({ ...header, alg: 'RS256' })
            .sign((await generateKeyPair('RS256')).privateKey),
        ),
    ],
    [
      'an ES256 token',
      async () =>
        bearer(
          await new SignJWT(claims)
            .setProtectedHeader({ ...header, alg: 'ES256' })
            .sign((await generateKeyPair('ES256')).privateKey),
        ),
    ],
    ['a bad signature', () => bearer(hmacToken(header, claims, `${TEST_JWT_SECRET}x`))],
    [
      'a tampered payload',
      () => bearer(withPayload(session.accessToken, { ...claims, email: 'admin@example.com' })),
    ],
    [
      'nbf in the future',
      () =>
        bearer(hmacToken(header, { ...claims, nbf: Number(claims.iat) + 120 }, TEST_JWT_SECRET)),
    ],
    [
      'a wrong iss',
      () => bearer(hmacToken(header, { ...claims, iss: 'someone-else' }, TEST_JWT_SECRET)),
    ],
    [
      'a wrong aud',
      () => bearer(hmacToken(header, { ...claims, aud: 'someone-else' }, TEST_JWT_SECRET)),
    ],
    ['typ JWT', () => bearer(hmacToken({ ...header, typ: 'JWT' }, claims, TEST_JWT_SECRET))],
    [
      'type refresh',
      () => bearer(hmacToken(header, { ...claims, type: 'refresh' }, TEST_JWT_SECRET)),
    ],
  ])('answers INVALID_TOKEN for %s', async (_name, headers) => {
    const res = await me(await headers());
    expect([res.status, res.error?.appCode]).toEqual([401, 'INVALID_TOKEN']);
  });

  it('answers TOKEN_EXPIRED for an expired token', async () => {
    const iat = Math.floor(Date.now() / 1000) - 3600;
    const res = await withToken(
      hmacToken(header, { ...claims, iat, exp: iat + 900 }, TEST_JWT_SECRET),
    );
    expect([res.status, res.error?.appCode]).toEqual([401, 'TOKEN_EXPIRED']);
  });

  it('answers INVALID_TOKEN once the user no longer exists', async () => {
    const other = (await register(server.url, 'token')).data!;
    await server.db.prisma.user.delete({ where: { id: other.user.id } });
    const res = await withToken(other.accessToken);
    expect([res.status, res.error?.appCode]).toEqual([401, 'INVALID_TOKEN']);
  });
});
