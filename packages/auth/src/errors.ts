// The one error type of this package. It carries an appCode of docs/contract.md so the API layer can map it
// without inspecting messages, while this package stays free of tRPC and HTTP.
import type { AppCode } from '@repo/validators';

export type AuthErrorCode = Extract<
  AppCode,
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'MISSING_TOKEN'
  | 'INVALID_TOKEN'
  | 'TOKEN_EXPIRED'
  | 'MISSING_REFRESH_TOKEN'
  | 'REFRESH_TOKEN_EXPIRED'
  | 'REFRESH_TOKEN_REUSED'
  | 'INVALID_REFRESH_TOKEN'
  | 'RATE_LIMIT_EXCEEDED'
>;

export class AuthError extends Error {
  readonly appCode: AuthErrorCode;
  /** Seconds to wait before retrying (RATE_LIMIT_EXCEEDED). */
  readonly retryAfter: number | undefined;

  constructor(
    appCode: AuthErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfter?: number },
  ) {
    super(message, options);
    this.name = 'AuthError';
    this.appCode = appCode;
    this.retryAfter = options?.retryAfter;
  }
}

/** Injectable clock: expiry and grace windows are tested by moving it, never by sleeping. */
export type Clock = () => Date;
