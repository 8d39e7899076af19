// Domain errors: procedures throw AppError with an appCode of docs/contract.md; the error formatter
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

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'P1001',
  'P1017',
]);
/** The driver adapter's own names for a lost or unreachable server (its `cause.kind`). */
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

/**
 * True when an error means the database cannot be reached, not that the request was wrong.
 * Walks `cause` and Prisma's `meta.driverAdapterError`, where a PostgreSQL code such as 57P01
 * (a terminated backend) sits behind a generic P2010. A transaction that could not get a
 * connection in time (P2028, every connection busy) is an overload: also a 503, to retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 12; seen++) {
    const e = pending.shift() as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    } | null;
    if (!e || typeof e !== 'object') continue;
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.kind === 'string' && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (
      typeof e.message === 'string' &&
      /Can't reach database|Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable|terminating connection|Transaction already closed|Unable to start a transaction in the given time/i.test(
        e.message,
      )
    ) {
      return true;
    }
    pending.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}
