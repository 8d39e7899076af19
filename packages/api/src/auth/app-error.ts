// packages/auth throws AuthError (framework-free); procedures answer AppError. The appCode
// passes through unchanged, so both layers speak docs/contract.md's codes.
import { AuthError } from '@repo/auth';
import { AppError } from '../errors';

export function toAppError(error: unknown): unknown {
  return error instanceof AuthError
    ? new AppError(error.appCode, error.message, {
        cause: error,
        ...(error.retryAfter !== undefined && { retryAfter: error.retryAfter }),
      })
    : error;
}

/** Runs `fn`, answering any AuthError it throws as the matching AppError. */
export async function withAuthErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toAppError(error);
  }
}
