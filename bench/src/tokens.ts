// Access tokens minted by the bench exactly as packages/auth/src/access-token.ts signs them
// (HS256, typ at+jwt, sub/email/sid/type/iss/aud/iat/exp/jti): logging 1,000 users in through
// the API would spend ~15 s of argon2 before the first measurement. A test verifies them with
// @repo/auth's own verifier so the two cannot drift apart.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { SeededSession } from './seed';

export interface TokenConfig {
  secret: string;
  issuer: string;
  audience: string;
}

/**
 * An hour instead of the API's 15 minutes: the server checks only that exp is in the future, and
 * a slow machine's full run must not see its tokens expire half-way.
 */
const BENCH_TOKEN_TTL_SECONDS = 60 * 60;

export async function mintAccessToken(
  config: TokenConfig,
  session: SeededSession,
): Promise<string> {
  const key = new TextEncoder().encode(config.secret);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: session.email, sid: session.sessionId, type: 'access' })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setSubject(session.userId)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + BENCH_TOKEN_TTL_SECONDS)
    .setJti(randomUUID())
    .sign(key);
}

export function mintAccessTokens(
  config: TokenConfig,
  sessions: SeededSession[],
): Promise<string[]> {
  return Promise.all(sessions.map((session) => mintAccessToken(config, session)));
}
