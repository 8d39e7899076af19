// What a client would see for a caller's error: the router's own error formatter applied, so
// router-level tests assert the same appCode/field/status the HTTP faces send.
import { TRPCError, getTRPCErrorShape } from '@trpc/server';
import { appRouter } from '../root';

export interface ErrorSeen {
  status: number;
  appCode: string;
  field: string | undefined;
  retryAfter: number | undefined;
  message: string;
}

export async function errorOf(promise: Promise<unknown>): Promise<ErrorSeen> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail, it succeeded');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: 'unknown',
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  const data = shape.data as {
    httpStatus: number;
    appCode: string;
    field?: string;
    retryAfter?: number;
  };
  return {
    status: data.httpStatus,
    appCode: data.appCode,
    field: data.field,
    retryAfter: data.retryAfter,
    message: shape.message,
  };
}
