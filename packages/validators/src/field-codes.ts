// Which appCode a failed input field reports, beyond the generic VALIDATION_ERROR.
import type { AppCode } from './app-codes';

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
}

const PASSWORD_FIELDS = new Set(['password', 'newPassword']);

export function appCodeForIssue(issue: IssueLike): AppCode {
  const field = issue.path[issue.path.length - 1];
  if (field === 'email') return 'INVALID_EMAIL';
  if (typeof field === 'string' && PASSWORD_FIELDS.has(field)) {
    if (issue.code === 'too_small') return 'PASSWORD_TOO_SHORT';
    if (issue.code === 'too_big') return 'PASSWORD_TOO_LONG';
  }
  if (field === 'cursor') return 'INVALID_CURSOR';
  return 'VALIDATION_ERROR';
}
