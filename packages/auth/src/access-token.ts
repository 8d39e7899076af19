// Our own access tokens: HS256 JWTs, 15 minutes, typed `at+jwt` (RFC 9068) so they can never be
// mistaken for an ID token or an external issuer's token.
import { randomUUID } from 'node:crypto';
import { SignJWT, errors } from 'jose';
import { AuthError } from './errors';
import { importHmacKey } from './hmac-key';
import { Hs256VerifyError, verifyHs256Jwt } from './hs256-jwt';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const ACCESS_TOKEN_TYP = 'at+jwt';
/** Tolerated clock skew between instances; small so an expired token is not honoured for long. */
export const CLOCK_TOLERANCE_SECONDS = 5;

export interface AccessTokenConfig {
  /** At least 256 bits (32 bytes). */
  secret: string;
  issuer: string;
  audience: string;
  /** Lifetime of a token; default ACCESS_TOKEN_TTL_SECONDS (ACCESS_TOKEN_TTL_SECONDS in the server's env). */
  ttlSeconds?: number;
}

export interface AccessTokenSubject {
  userId: string;
  email: string;
  sessionId: string;
}

export interface AccessTokenClaims extends AccessTokenSubject {
  tokenId: string;
  expiresAt: Date;
}

export interface AccessTokens {
  readonly issuer: string;
  sign(subject: AccessTokenSubject, now?: Date): Promise<{ token: string; expiresAt: Date }>;
  /** Throws AuthError: TOKEN_EXPIRED when only the expiry failed, INVALID_TOKEN for anything else. */
  verify(token: string, now?: Date): Promise<AccessTokenClaims>;
}

export function createAccessTokens(config: AccessTokenConfig): AccessTokens {
  const key = importHmacKey(config.secret, 'JWT_SECRET');
  // Surfaced on first use; an unhandled rejection here would crash the process at start.
  key.catch(() => {});
  // Verification is synchronous HMAC over the same bytes (hs256-jwt.ts).
  const secretBytes = Buffer.from(config.secret);

  return {
    issuer: config.issuer,

    async sign(subject, now = new Date()) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const exp = issuedAt + (config.ttlSeconds ?? ACCESS_TOKEN_TTL_SECONDS);
      const token = await new SignJWT({
        email: subject.email,
        sid: subject.sessionId,
        type: 'access',
      })
        .setProtectedHeader({ alg: 'HS256', typ: ACCESS_TOKEN_TYP })
        .setSubject(subject.userId)
        .setIssuer(config.issuer)
        .setAudience(config.audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(exp)
        .setJti(randomUUID())
        .sign(await key);
      return { token, expiresAt: new Date(exp * 1000) };
    },

    // Synchronous work behind the async interface: a throw inside the executor is the rejection.
    verify: (token, now = new Date()) => new Promise((resolve) => resolve(verifyNow(token, now))),
  };

  function verifyNow(token: string, now: Date): AccessTokenClaims {
    let payload;
    try {
      payload = verifyHs256Jwt(token, secretBytes, {
        issuer: config.issuer,
        audience: config.audience,
        typ: ACCESS_TOKEN_TYP,
        clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
        now,
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
      });
    } catch (error) {
      throw error instanceof Hs256VerifyError && error.reason === 'expired'
        ? new AuthError('TOKEN_EXPIRED', 'Access token expired', { cause: error })
        : new AuthError('INVALID_TOKEN', 'Invalid access token', { cause: error });
    }
    const { sub, email, sid, jti, exp, type } = payload;
    if (
      type !== 'access' ||
      typeof email !== 'string' ||
      typeof sid !== 'string' ||
      typeof sub !== 'string' ||
      !sub ||
      typeof jti !== 'string' ||
      !jti ||
      typeof exp !== 'number'
    ) {
      throw new AuthError('INVALID_TOKEN', 'Invalid access token');
    }
    return { userId: sub, email, sessionId: sid, tokenId: jti, expiresAt: new Date(exp * 1000) };
  }
}

/** Expiry is the one failure a client can fix by refreshing; every other failure reads the same. */
export function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired)
    return new AuthError('TOKEN_EXPIRED', 'Access token expired', { cause: error });
  return new AuthError('INVALID_TOKEN', 'Invalid access token', { cause: error });
}
