export { AuthError, type AuthErrorCode, type Clock } from './errors';
export {
  DEFAULT_PASSWORD_HASH_QUEUE_MAX,
  DUMMY_PASSWORD_HASH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordHashStats,
  type PasswordParams,
  hashPassword,
  needsRehash,
  passwordHashStats,
  passwordParams,
  setPasswordHashQueueMax,
  setPasswordHashThreads,
  verifyPassword,
} from './password';
export {
  ACCESS_TOKEN_TTL_SECONDS,
  ACCESS_TOKEN_TYP,
  CLOCK_TOLERANCE_SECONDS,
  type AccessTokenClaims,
  type AccessTokenConfig,
  type AccessTokenSubject,
  type AccessTokens,
  createAccessTokens,
} from './access-token';
export { REFRESH_TOKEN_TTL_MS, hashRefreshToken } from './refresh-token';
export { MIN_HMAC_SECRET_BYTES } from './hmac-key';
export {
  REUSE_GRACE_MS,
  type ClientInfo,
  type IssuedRefresh,
  rotateRefreshToken,
  startSession,
} from './refresh-session';
export { type PruneResult, pruneSessions } from './prune';
export {
  type LiveSession,
  type SessionSummary,
  findLiveSession,
  findSessionByRefreshToken,
  listLiveSessions,
  revokeSession,
  revokeUserSessions,
} from './sessions';
export {
  type ExternalIdentity,
  type ExternalIssuer,
  type ExternalIssuerConfig,
  createExternalIssuer,
} from './external-issuer';
export { findOrCreateExternalUser } from './external-user';
export { type PublicUser, userSelect } from './public-user';
export {
  type AuthenticatedCaller,
  type Authenticator,
  type AuthenticatorDeps,
  type LiveSessionLookup,
  createAuthenticator,
  parseBearer,
} from './authenticate';
