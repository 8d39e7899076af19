// Resolves an Authorization header to the caller. Tokens are routed by their (unverified) `iss`
// to exactly one verifier, which then checks everything with its own key; our tokens are also
// checked against their session, so logout and revocation take effect immediately.
import type { PrismaClient } from '@repo/db';
import { decodeJwt } from 'jose';
import type { AccessTokens } from './access-token';
import { AuthError } from './errors';
import type { ExternalIssuer } from './external-issuer';
import { findOrCreateExternalUser } from './external-user';
import type { PublicUser } from './public-user';
import { type LiveSession, findLiveSession } from './sessions';

export interface AuthenticatedCaller {
  user: PublicUser;
  /** Null for an external issuer's token: that caller has no session of ours. */
  sessionId: string | null;
  /** When our access token stops being valid (live-sync streams end then); unset for external tokens. */
  expiresAt?: Date;
}

/** Answers whether a verified token's session is live; a cache may stand in front of the query. */
export type LiveSessionLookup = (
  userId: string,
  sessionId: string,
  now: Date,
) => Promise<LiveSession | null>;

export interface AuthenticatorDeps {
  prisma: PrismaClient;
  accessTokens: AccessTokens;
  external?: ExternalIssuer | undefined;
  /** Defaults to the query itself (findLiveSession). */
  liveSession?: LiveSessionLookup | undefined;
}

export type Authenticator = (
  authorization: string | null | undefined,
  now?: Date,
) => Promise<AuthenticatedCaller>;

const invalid = () => new AuthError('INVALID_TOKEN', 'Invalid access token');

/**
 * No header (or an empty one) carries no credentials: MISSING_TOKEN. Any other scheme, a bare
 * `Bearer`, or extra words are credentials we cannot accept: INVALID_TOKEN (RFC 6750's
 * invalid_token). The scheme is case-insensitive (RFC 9110).
 */
export function parseBearer(authorization: string | null | undefined): string {
  if (!authorization?.trim()) throw new AuthError('MISSING_TOKEN', 'Missing access token');
  const match = /^\s*bearer +([^\s]+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw invalid();
  return match[1];
}

export function createAuthenticator(deps: AuthenticatorDeps): Authenticator {
  const { prisma, accessTokens, external } = deps;
  const liveSession: LiveSessionLookup =
    deps.liveSession ??
    ((userId, sessionId, now) => findLiveSession(prisma, userId, sessionId, now));
  if (external && external.issuer === accessTokens.issuer) {
    throw new Error('EXTERNAL_JWT_ISSUER must differ from JWT_ISSUER so tokens cannot be confused');
  }

  return async (authorization, now = new Date()) => {
    const token = parseBearer(authorization);
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw invalid();
    }

    if (external && issuer === external.issuer) {
      const identity = await external.verify(token, now);
      return { user: await findOrCreateExternalUser(prisma, identity), sessionId: null };
    }

    const claims = await accessTokens.verify(token, now);
    // One query: the user exists AND the token's session is still live.
    const session = await liveSession(claims.userId, claims.sessionId, now);
    if (!session) throw invalid();
    return { user: session.user, sessionId: claims.sessionId, expiresAt: claims.expiresAt };
  };
}
