// Words for the server's errors, by appCode (docs/contract.md), for forms and toasts.
import { appCodeOf, fieldErrorsOf, retryAfterOf } from '@repo/client';

export function errorMessage(error: unknown): string {
  switch (appCodeOf(error)) {
    case 'INVALID_CREDENTIALS':
      return 'Wrong email or password.';
    case 'EMAIL_ALREADY_EXISTS':
      return 'An account with this email already exists.';
    case 'RATE_LIMIT_EXCEEDED': {
      const seconds = retryAfterOf(error);
      return `Too many attempts. Try again in ${seconds ?? 60} seconds.`;
    }
    case 'SERVICE_UNAVAILABLE':
      return 'The service is temporarily unavailable. Try again shortly.';
    case 'CONFLICT':
      return 'This was changed elsewhere.';
    case 'NOT_FOUND':
      return 'It no longer exists.';
    case 'PAYLOAD_TOO_LARGE':
      return 'That is too large to save.';
    case undefined:
      return 'Something went wrong. Check your connection and try again.';
    default:
      return (error as { message?: string }).message ?? 'Something went wrong.';
  }
}

/** The first message per field from `data.fieldErrors`, for showing under each input. */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fieldErrorsOf(error))) {
    if (messages[0]) result[field] = messages[0];
  }
  return result;
}
