// What the procedures need from outside packages/api, injected by the adapter (apps/server)
// or by tests, so the router never reaches for HTTP, env or globals.
export interface AuthUser {
  id: string;
  email: string;
}

export interface AuthContext {
  user: AuthUser;
  /** Null for callers holding an external issuer's token: they have no session of ours. */
  sessionId: string | null;
}

export interface Services {
  /** Resolves the Authorization header to the caller, or throws an AppError (401). */
  authenticate(authorization: string | null): Promise<AuthContext>;
  /** The time, injectable so token and session expiry are testable without sleeping. */
  now(): Date;
  /** HMAC key for pagination cursors (derived from the server's secret). */
  cursorKey: Uint8Array;
}
