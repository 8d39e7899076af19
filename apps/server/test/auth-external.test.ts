// Tokens from an external issuer (Better Auth) through the real server: a local JWKS endpoint
// with an Ed25519 key, or an HS256 shared secret. No network beyond 127.0.0.1.
import { type JwksServer, hmacToken, startJwksServer } from '@repo/auth/testing';
import { testEngines } from '@repo/db/testing';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, register, trpc } from './helpers/auth-http';
import { type TestServer, startTestServer } from './helpers/test-server';

const FRONT = 'http://127.0.0.1:3001';
const SHARED = 'front-end-shared-secret-0123456789abcdef';

describe.each(testEngines)('external issuer over HTTP on %s', (engine) => {
  let jwks: JwksServer;
  let attacker: JwksServer;
  let viaJwks: TestServer;
  let viaSecret: TestServer;
  const me = (server: TestServer, token: string) =>
    trpc<{ id: string; email: string }>(server.url, 'auth.me', undefined, {
      query: true,
      headers: bearer(token),
    });

  beforeAll(async () => {
    [jwks, attacker] = await Promise.all([startJwksServer('ba-1'), startJwksServer('ba-1')]);
    const external = { issuer: FRONT, audience: FRONT, jwksUrl: jwks.url, secret: undefined };
    viaJwks = await startTestServer({
      engine,
      config: { externalJwt: external, rateLimitAuthPoints: 100 },
    });
    viaSecret = await startTestServer({
      engine,
      config: { externalJwt: { ...external, jwksUrl: undefined, secret: SHARED } },
    });
  });
  afterAll(async () =>
    Promise.all([viaJwks?.close(), viaSecret?.close(), jwks?.close(), attacker?.close()]),
  );

  it('accepts a Better Auth EdDSA token and creates its user once, without a password', async () => {
    const token = await jwks.sign({
      sub: 'ba-user',
      email: 'ba@example.com',
      name: 'BA',
      iss: FRONT,
      aud: FRONT,
    });
    const first = await me(viaJwks, token);
    expect([first.status, first.data?.email]).toEqual([200, 'ba@example.com']);
    expect((await me(viaJwks, token)).data?.id).toBe(first.data?.id);
    const users = await viaJwks.db.prisma.user.findMany({ where: { externalSubject: 'ba-user' } });
    expect(users.map((u) => [u.externalIssuer, u.passwordHash])).toEqual([[FRONT, null]]);
  });

  it('never follows jku, x5u or an embedded jwk', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ sub: 'intruder', iss: FRONT, aud: FRONT })
      .setProtectedHeader({
        alg: 'EdDSA',
        kid: 'ba-1',
        jku: attacker.url,
        x5u: attacker.url,
        jwk: await exportJWK(publicKey),
      })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const res = await me(viaJwks, forged);
    expect([res.status, res.error?.appCode, attacker.hits]).toEqual([401, 'INVALID_TOKEN', 0]);
    expect(await viaJwks.db.prisma.user.count({ where: { externalSubject: 'intruder' } })).toBe(0);
  });

  it.each<[string, () => Promise<string>]>([
    ['a wrong audience', () => jwks.sign({ sub: 'x', iss: FRONT, aud: 'http://elsewhere' })],
    ['a wrong issuer', () => jwks.sign({ sub: 'x', iss: 'http://elsewhere', aud: FRONT })],
    [
      'our typ at+jwt',
      () => jwks.sign({ sub: 'x', iss: FRONT, aud: FRONT }, { header: { typ: 'at+jwt' } }),
    ],
  ])('rejects %s with INVALID_TOKEN', async (_name, make) => {
    const res = await me(viaJwks, await make());
    expect([res.status, res.error?.appCode]).toEqual([401, 'INVALID_TOKEN']);
  });

  it('answers TOKEN_EXPIRED for an expired external token', async () => {
    const token = await jwks.sign(
      { sub: 'x', iss: FRONT, aud: FRONT },
      { now: new Date(Date.now() - 3_600_000) },
    );
    const res = await me(viaJwks, token);
    expect([res.status, res.error?.appCode]).toEqual([401, 'TOKEN_EXPIRED']);
  });

  it('keeps accepting our own tokens next to external ones', async () => {
    const { data } = await register(viaJwks.url, 'token');
    expect((await me(viaJwks, data!.accessToken)).status).toBe(200);
  });

  it('accepts HS256 with the shared secret, and nothing signed otherwise', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const claims = {
      sub: 'hs-user',
      email: 'hs@example.com',
      iss: FRONT,
      aud: FRONT,
      iat,
      exp: iat + 900,
    };
    expect((await me(viaSecret, hmacToken({ alg: 'HS256' }, claims, SHARED))).data?.email).toBe(
      'hs@example.com',
    );
    const jwkHeader = {
      alg: 'HS256',
      jwk: {
        kty: 'oct',
        k: Buffer.from('attacker-key-0123456789abcdef0123').toString('base64url'),
      },
    };
    const res = await me(
      viaSecret,
      hmacToken(jwkHeader, { ...claims, sub: 'hs-intruder' }, 'attacker-key-0123456789abcdef0123'),
    );
    expect([res.status, res.error?.appCode]).toEqual([401, 'INVALID_TOKEN']);
    const eddsa = await me(viaSecret, await jwks.sign({ sub: 'x', iss: FRONT, aud: FRONT }));
    expect([eddsa.status, eddsa.error?.appCode]).toEqual([401, 'INVALID_TOKEN']);
  });
});
