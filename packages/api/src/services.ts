// What the procedures need from outside packages/api, injected by the adapter (apps/server)
// or by tests, so the router never reaches for HTTP, env or globals.
import type { AccessTokens, PublicUser } from '@repo/auth';
import type { SessionCache } from './auth/session-cache';
import type { SyncBus } from './sync/bus';
import type { StreamLimiter } from './sync/stream-limit';

/** The caller as authentication loaded it: the whole public user, so no procedure re-reads it. */
export type AuthUser = PublicUser;

export interface AuthContext {
  user: AuthUser;
  /** Null for callers holding an external issuer's token: they have no session of ours. */
  sessionId: string | null;
  /** When the caller's access token expires; a live-sync stream ends then (TOKEN_EXPIRED). */
  expiresAt?: Date;
}

export interface Services {
  /** Resolves the Authorization header to the caller, or throws an AppError (401). */
  authenticate(authorization: string | null): Promise<AuthContext>;
  /** The time, injectable so token and session expiry are testable without sleeping. */
  now(): Date;
  /** HMAC key for pagination cursors (derived from the server's secret). */
  cursorKey: Uint8Array;
  /** Lifetime of a refresh token (and of an idle session); default 7 days. */
  refreshTokenTtlMs?: number;
  /** Signs our access tokens; verifying them is `authenticate`'s job. */
  accessTokens: Pick<AccessTokens, 'sign'>;
  /** The register/login budget per client IP, whatever store backs it (memory, PostgreSQL, Redis). */
  authRateLimiter: RateLimiter;
  /** Failed sign-ins per account (credential stuffing from many addresses); shared store too. */
  accountLoginLimiter: RateLimiter;
  /** Wakes live-sync streams on every instance: new events, revoked sessions. */
  syncBus: SyncBus;
  /** The live sessions `authenticate` reuses; a revocation evicts its user here at once. */
  sessionCache?: Pick<SessionCache, 'evictUser'>;
  /** Caps open live-sync streams per user in this process (SYNC_MAX_STREAMS_PER_USER). */
  syncStreams?: StreamLimiter;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Spends one point of `key`'s budget and says whether the call may go ahead. */
  consume(key: string): Promise<RateLimitDecision>;
  /** Gives one point back: a sign-in that succeeded was not a guess. */
  refund(key: string): Promise<void>;
}
