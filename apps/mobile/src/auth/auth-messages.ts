// What a person reads when signing in or up fails, by the server's appCode.
import { appCodeOf, fieldErrorsOf, retryAfterOf } from '@repo/client';

export interface AuthFailure {
  message: string;
  email?: string | undefined;
  password?: string | undefined;
}

export function authFailure(error: unknown): AuthFailure {
  const fields = fieldErrorsOf(error);
  switch (appCodeOf(error)) {
    case 'INVALID_CREDENTIALS':
      return { message: 'Wrong email or password.' };
    case 'EMAIL_ALREADY_EXISTS':
      return { message: 'An account with this email already exists.', email: 'Already registered' };
    case 'INVALID_EMAIL':
      return {
        message: 'Check the email address.',
        email: fields.email?.[0] ?? 'Not a valid email',
      };
    case 'PASSWORD_TOO_SHORT':
      return {
        message: 'Choose a longer password.',
        password: fields.password?.[0] ?? 'Too short',
      };
    case 'PASSWORD_TOO_LONG':
      return {
        message: 'Choose a shorter password.',
        password: fields.password?.[0] ?? 'Too long',
      };
    case 'RATE_LIMIT_EXCEEDED': {
      const seconds = retryAfterOf(error);
      return { message: `Too many attempts. Try again in ${seconds ?? 60} seconds.` };
    }
    case 'VALIDATION_ERROR':
      return {
        message: 'Check the highlighted fields.',
        email: fields.email?.[0],
        password: fields.password?.[0],
      };
    case undefined:
      return { message: 'Cannot reach the server. Check your connection and try again.' };
    default:
      return { message: 'Something went wrong. Try again.' };
  }
}
