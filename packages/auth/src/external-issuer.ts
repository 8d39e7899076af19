// Access tokens from an external issuer (a Better Auth front end): verified against its JWKS or
// an HS256 shared secret, with issuer and audience pinned by configuration. Keys come only from
// that configuration: jose never follows `jku`, `x5u` or an embedded `jwk` unless asked to.
import { type JWTVerifyGetKey, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { ACCESS_TOKEN_TYP, CLOCK_TOLERANCE_SECONDS, toAuthError } from './access-token';
import { AuthError } from './errors';
import { importHmacKey } from './hmac-key';
import type { webcrypto } from 'node:crypto';

export interface ExternalIssuerConfig {
  issuer: string;
  audience: string;
  /** Better Auth serves its keys at `<origin>/api/auth/jwks`. */
  jwksUrl?: string | undefined;
  /** HS256 shared secret, used when no JWKS URL is configured. */
  secret?: string | undefined;
}

export interface ExternalIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
}

export interface ExternalIssuer {
  readonly issuer: string;
  /** Throws AuthError: TOKEN_EXPIRED or INVALID_TOKEN, as for our own tokens. */
  verify(token: string, now?: Date): Promise<ExternalIdentity>;
}

export function createExternalIssuer(config: ExternalIssuerConfig): ExternalIssuer {
  if (!config.issuer || !config.audience)
    throw new Error('EXTERNAL_JWT_ISSUER and EXTERNAL_JWT_AUDIENCE are required');
  let key: JWTVerifyGetKey | Promise<webcrypto.CryptoKey>;
  let algorithms: string[];
  if (config.jwksUrl) {
    key = createRemoteJWKSet(new URL(config.jwksUrl));
    // Better Auth signs with EdDSA (Ed25519); a JWKS holds public keys, so never HS* or none.
    algorithms = ['EdDSA'];
  } else if (config.secret) {
    key = importHmacKey(config.secret, 'EXTERNAL_JWT_SECRET');
    algorithms = ['HS256'];
  } else {
    throw new Error('Set EXTERNAL_JWT_JWKS_URL or EXTERNAL_JWT_SECRET for the external issuer');
  }

  return {
    issuer: config.issuer,
    async verify(token, now = new Date()) {
      try {
        // Ours are typed at+jwt; an external token claiming that type is refused outright.
        if (decodeProtectedHeader(token).typ?.toLowerCase().endsWith(ACCESS_TOKEN_TYP)) {
          throw new AuthError('INVALID_TOKEN', 'Invalid access token');
        }
        const options = {
          algorithms,
          issuer: config.issuer,
          audience: config.audience,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          currentDate: now,
          requiredClaims: ['sub', 'exp'],
        };
        const { payload } =
          typeof key === 'function'
            ? await jwtVerify(token, key, options)
            : await jwtVerify(token, await key, options);
        if (!payload.sub) throw new AuthError('INVALID_TOKEN', 'Invalid access token');
        const email = typeof payload.email === 'string' ? payload.email : null;
        const name = typeof payload.name === 'string' ? payload.name : null;
        return { issuer: config.issuer, subject: payload.sub, email, name };
      } catch (error) {
        throw toAuthError(error);
      }
    },
  };
}
