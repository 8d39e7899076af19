import { expect } from 'vitest';
import { AuthError } from '../errors';

/** The appCode `promise` rejects with; fails the test unless it rejects with an AuthError. */
export async function authErrorCodeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return (error as AuthError).appCode;
}
