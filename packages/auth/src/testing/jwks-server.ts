// A local JWKS endpoint (127.0.0.1, random port) standing in for Better Auth's /api/auth/jwks,
// with an Ed25519 key pair made per test run: external-issuer tests touch no network.
import { type AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { type JWK, type JWTPayload, SignJWT, exportJWK, generateKeyPair } from 'jose';

export interface JwksServer {
  /** The JWKS document's URL. */
  url: string;
  /** Requests the server has answered, to prove a token's `jku` was never followed. */
  readonly hits: number;
  publicJwk: JWK;
  sign(
    payload: JWTPayload,
    options?: { header?: Record<string, unknown>; ttlSeconds?: number; now?: Date },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startJwksServer(kid = 'test-key'): Promise<JwksServer> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/auth/jwks`,
    get hits() {
      return hits;
    },
    publicJwk,
    async sign(payload, options = {}) {
      const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'EdDSA', kid, ...options.header })
        .setIssuedAt(iat)
        .setExpirationTime(iat + (options.ttlSeconds ?? 900))
        .sign(privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
