import { SignJWT, generateKeyPair, exportJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExternalIssuer } from './external-issuer';
import {
  type JwksServer,
  hmacToken,
  startJwksServer,
  unsignedToken,
  authErrorCodeOf,
} from './testing';

const origin = 'http://127.0.0.1:3001';
const now = new Date();
const iat = Math.floor(now.getTime() / 1000);
const claims = {
  sub: 'ba-user-1',
  email: 'Ext@Example.com',
  name: 'Ext',
  iss: origin,
  aud: origin,
  iat,
  exp: iat + 900,
};

describe('external issuer via JWKS (EdDSA)', () => {
  let jwks: JwksServer;
  let attacker: JwksServer;
  let issuer: ReturnType<typeof createExternalIssuer>;

  beforeAll(async () => {
    [jwks, attacker] = await Promise.all([startJwksServer('ba-key'), startJwksServer('ba-key')]);
    issuer = createExternalIssuer({ issuer: origin, audience: origin, jwksUrl: jwks.url });
  });
  afterAll(async () => Promise.all([jwks.close(), attacker.close()]));

  it('accepts a Better Auth style token (alg + kid, no typ) and reports its subject', async () => {
    const token = await jwks.sign(claims, { now });
    expect(await issuer.verify(token, now)).toEqual({
      issuer: origin,
      subject: 'ba-user-1',
      email: 'Ext@Example.com',
      name: 'Ext',
    });
    expect(jwks.hits).toBeGreaterThan(0);
  });

  it('ignores jku, jwk and x5u headers: a key the attacker chose is never used nor fetched', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const header = {
      alg: 'EdDSA',
      kid: 'ba-key',
      jku: attacker.url,
      x5u: attacker.url,
      jwk: await exportJWK(publicKey),
    };
    const forged = await new SignJWT(claims).setProtectedHeader(header).sign(privateKey);
    expect(await authErrorCodeOf(issuer.verify(forged, now))).toBe('INVALID_TOKEN');
    expect(attacker.hits).toBe(0);
    // The real key with the same headers still verifies: the headers are simply not consulted.
    const genuine = await jwks.sign(claims, {
      now,
      header: { jku: attacker.url, x5u: attacker.url },
    });
    expect((await issuer.verify(genuine, now)).subject).toBe('ba-user-1');
    expect(attacker.hits).toBe(0);
  });

  it.each<[string, () => Promise<string> | string]>([
    ['a wrong issuer', () => jwks.sign({ ...claims, iss: 'http://evil.test' }, { now })],
    ['a wrong audience', () => jwks.sign({ ...claims, aud: 'http://other.test' }, { now })],
    ['no subject', () => jwks.sign({ ...claims, sub: undefined }, { now })],
    ['our own typ at+jwt', () => jwks.sign(claims, { now, header: { typ: 'at+jwt' } })],
    ['alg none', () => unsignedToken(claims, { alg: 'none', kid: 'ba-key' })],
    [
      'HS256 keyed with the public JWK',
      () => hmacToken({ alg: 'HS256', kid: 'ba-key' }, claims, JSON.stringify(jwks.publicJwk)),
    ],
    ['an unknown kid', () => jwks.sign(claims, { now, header: { kid: 'other' } })],
    ['nbf in the future', () => jwks.sign({ ...claims, nbf: iat + 600 }, { now })],
  ])('rejects %s with INVALID_TOKEN', async (_name, make) => {
    expect(await authErrorCodeOf(issuer.verify(await make(), now))).toBe('INVALID_TOKEN');
  });

  it('answers TOKEN_EXPIRED for an expired token', async () => {
    const token = await jwks.sign(claims, { now: new Date(now.getTime() - 3_600_000) });
    expect(await authErrorCodeOf(issuer.verify(token, now))).toBe('TOKEN_EXPIRED');
  });

  it('refuses a configuration without a key source or an issuer', () => {
    expect(() => createExternalIssuer({ issuer: origin, audience: origin })).toThrow(
      /EXTERNAL_JWT_JWKS_URL/,
    );
    expect(() =>
      createExternalIssuer({ issuer: '', audience: origin, secret: 'x'.repeat(32) }),
    ).toThrow(/ISSUER/);
  });
});

describe('external issuer via an HS256 shared secret', () => {
  const secret = 'external-shared-secret-0123456789abcdef';
  const issuer = createExternalIssuer({ issuer: origin, audience: origin, secret });

  it('accepts HS256 signed with the shared secret', async () => {
    expect((await issuer.verify(hmacToken({ alg: 'HS256' }, claims, secret), now)).subject).toBe(
      'ba-user-1',
    );
  });

  it.each<[string, string]>([
    ['another secret', hmacToken({ alg: 'HS256' }, claims, `${secret}!`)],
    ['HS512 with the secret', hmacToken({ alg: 'HS512' }, claims, secret, 'sha512')],
    [
      'a jwk header with its own key',
      hmacToken({ alg: 'HS256', jwk: { kty: 'oct', k: 'AAAA' } }, claims, 'AAAA'.repeat(8)),
    ],
    ['a wrong audience', hmacToken({ alg: 'HS256' }, { ...claims, aud: 'x' }, secret)],
  ])('rejects %s', async (_name, token) => {
    expect(await authErrorCodeOf(issuer.verify(token, now))).toBe('INVALID_TOKEN');
  });
});
