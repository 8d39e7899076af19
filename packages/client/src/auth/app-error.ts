// Reading docs/contract.md's error shape (`data.appCode`, `data.fieldErrors`, `data.retryAfter`) off
// whatever a tRPC call rejected with, without depending on the router's types.
import type { AppCode } from '@repo/validators';

interface ErrorData {
  appCode?: AppCode;
  httpStatus?: number;
  field?: string;
  fieldErrors?: Record<string, string[]>;
  retryAfter?: number;
}

function dataOf(error: unknown): ErrorData | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { data?: unknown }).data;
  return typeof data === 'object' && data !== null ? data : undefined;
}

export const appCodeOf = (error: unknown): AppCode | undefined => dataOf(error)?.appCode;
export const httpStatusOf = (error: unknown): number | undefined => dataOf(error)?.httpStatus;
export const fieldErrorsOf = (error: unknown): Record<string, string[]> =>
  dataOf(error)?.fieldErrors ?? {};
/** Seconds to wait after a 429, when the server said. */
export const retryAfterOf = (error: unknown): number | undefined => dataOf(error)?.retryAfter;

/** The access token is stale or was cut off: one refresh may fix it. */
export const isAccessTokenRejected = (error: unknown): boolean => {
  const code = appCodeOf(error);
  return code === 'TOKEN_EXPIRED' || code === 'INVALID_TOKEN' || code === 'MISSING_TOKEN';
};

/** The refresh itself was refused: the session is over and only a sign-in helps. */
export const isSessionEnded = (error: unknown): boolean => {
  const code = appCodeOf(error);
  return (
    code === 'MISSING_REFRESH_TOKEN' ||
    code === 'REFRESH_TOKEN_EXPIRED' ||
    code === 'REFRESH_TOKEN_REUSED' ||
    code === 'INVALID_REFRESH_TOKEN'
  );
};
