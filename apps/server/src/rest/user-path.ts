// Seed 003's clients put the user in the path: `/api/{userId}/tasks...`. The path's user adds
// nothing the token does not already say, so such a request is the plain `/api/tasks...` one,
// allowed only when the two agree; otherwise it answers 404, as for any resource not yours.
import { AppError, type Context } from '@repo/api';

/** The collections that exist under a user's path. */
const SCOPED = new Set(['tasks', 'tags', 'assets']);

export interface UserPath {
  userId: string;
  /** The same request without the user segment, e.g. `/api/tasks/7`. */
  pathname: string;
}

/** Reads `/api/{userId}/{tasks|tags|assets}[/...]`; anything else is not a user path. */
export function parseUserPath(pathname: string): UserPath | undefined {
  // '/api/'.length === 5
  const userEnd = pathname.indexOf('/', 5);
  if (userEnd === -1) return undefined;
  const collectionEnd = pathname.indexOf('/', userEnd + 1);
  const collection = pathname.slice(userEnd + 1, collectionEnd === -1 ? undefined : collectionEnd);
  if (!SCOPED.has(collection)) return undefined;
  let userId: string;
  try {
    userId = decodeURIComponent(pathname.slice(5, userEnd));
  } catch {
    return undefined;
  }
  return { userId, pathname: `/api${pathname.slice(userEnd)}` };
}

/**
 * Verifies the token (the same `authenticate` the procedure will reuse, memoised on the context)
 * and that it belongs to the path's user. Throws MISSING_TOKEN etc. or NOT_FOUND.
 */
export async function assertPathUser(ctx: Context, userId: string): Promise<void> {
  const { user } = await ctx.authenticate();
  if (user.id !== userId) throw new AppError('NOT_FOUND', 'Not found');
}
