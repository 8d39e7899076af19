// Domain errors: procedures throw AppError with an appCode of SPEC.md; the error formatter
// in trpc.ts turns every error into the same shape for every face (tRPC, REST, panel).
import { TRPCError } from '@trpc/server';
import { type AppCode, appCodeStatus } from '@repo/validators';

type TRPCCode = TRPCError['code'];

const trpcCodeForStatus: Record<number, TRPCCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

export interface AppErrorOptions {
  field?: string;
  /** Seconds a client should wait before retrying (RATE_LIMIT_EXCEEDED). */
  retryAfter?: number;
  cause?: unknown;
}

export class AppError extends TRPCError {
  readonly appCode: AppCode;
  readonly field: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(appCode: AppCode, message: string, options: AppErrorOptions = {}) {
    super({ code: trpcCodeForStatus[appCodeStatus[appCode]]!, message, cause: options.cause });
    this.name = 'AppError';
    this.appCode = appCode;
    this.field = options.field;
    this.retryAfter = options.retryAfter;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

/** The appCode for a tRPC code when no AppError said more (e.g. tRPC's own parse errors). */
export function appCodeForTrpcCode(code: TRPCCode): AppCode {
  switch (code) {
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
      return 'VALIDATION_ERROR';
    case 'UNAUTHORIZED':
      return 'MISSING_TOKEN';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'METHOD_NOT_SUPPORTED':
      return 'METHOD_NOT_ALLOWED';
    case 'CONFLICT':
      return 'CONFLICT';
    case 'PAYLOAD_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'TOO_MANY_REQUESTS':
      return 'RATE_LIMIT_EXCEEDED';
    case 'SERVICE_UNAVAILABLE':
      return 'SERVICE_UNAVAILABLE';
    default:
      return 'INTERNAL';
  }
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P03', 'P1001', 'P1017']);

/** True when an error means the database cannot be reached, not that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /Can't reach database|Connection terminated|connect ECONNREFUSED/i.test(message)) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
