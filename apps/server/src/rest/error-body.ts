// Every REST error, whoever threw it, goes through the router's one error formatter (packages/api
// trpc.ts) and comes out as docs/contract.md's `{ detail, code, field? }` with the code's status: the
// same appCode, field and message the tRPC face reports, and never a stack or SQL.
import type { AnyTRPCRouter } from '@trpc/server';
import { getTRPCErrorFromUnknown, getTRPCErrorShape } from '@trpc/server';
import { type AppCode, appCodeStatus } from '@repo/validators';
import { routerConfigOf } from '../trpc-internals';

export interface RestError {
  status: number;
  body: { detail: string; code: AppCode; field?: string };
  /** Seconds to wait (RATE_LIMIT_EXCEEDED), for Retry-After. */
  retryAfter: number | undefined;
}

interface FormattedData {
  appCode?: AppCode;
  field?: string;
  retryAfter?: number;
}

export function toRestError(
  router: AnyTRPCRouter,
  cause: unknown,
  where: { path: string | undefined; type: 'query' | 'mutation' | 'unknown'; input: unknown },
): RestError {
  const error = getTRPCErrorFromUnknown(cause);
  const shape = getTRPCErrorShape({
    config: routerConfigOf(router),
    error,
    type: where.type,
    path: where.path,
    input: where.input,
    ctx: undefined,
  }) as { message: string; data: FormattedData };
  const code =
    shape.data.appCode && shape.data.appCode in appCodeStatus ? shape.data.appCode : 'INTERNAL';
  const status = appCodeStatus[code];
  // The formatter already hides a bug's message; this keeps it so if a formatter ever changes.
  const detail = status >= 500 && code === 'INTERNAL' ? 'Internal server error' : shape.message;
  return {
    status,
    body: shape.data.field ? { detail, code, field: shape.data.field } : { detail, code },
    retryAfter: shape.data.retryAfter,
  };
}
