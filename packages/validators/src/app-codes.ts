// The error codes of docs/contract.md, shared by the server and both clients so a screen can switch on
// `error.data.appCode` with the compiler checking every case.
export const appCodeStatus = {
  VALIDATION_ERROR: 400,
  INVALID_EMAIL: 400,
  PASSWORD_TOO_SHORT: 400,
  PASSWORD_TOO_LONG: 400,
  INVALID_CURSOR: 400,
  MISSING_TOKEN: 401,
  INVALID_TOKEN: 401,
  TOKEN_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  MISSING_REFRESH_TOKEN: 401,
  REFRESH_TOKEN_EXPIRED: 401,
  REFRESH_TOKEN_REUSED: 401,
  INVALID_REFRESH_TOKEN: 401,
  NOT_FOUND: 404,
  /** A known path asked with a method it does not serve; `Allow` lists those it does. */
  METHOD_NOT_ALLOWED: 405,
  EMAIL_ALREADY_EXISTS: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMIT_EXCEEDED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type AppCode = keyof typeof appCodeStatus;
