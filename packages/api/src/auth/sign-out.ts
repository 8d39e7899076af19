// Logout is public: the session to end is named by the refresh token (body or cookie), or else
// by the access token. Ending an already-ended session succeeds again (a double click is fine),
// but only a live session's current refresh token (or an access token) may end all of a user's
// sessions: a token rotated out long ago, perhaps stolen, must not sign the owner out everywhere.
import { findSessionByRefreshToken, revokeSession, revokeUserSessions } from '@repo/auth';
import type { Context } from '../context';
import { AppError } from '../errors';
import { revokeAnnounced } from '../sync/revocation';

export async function signOut(
  ctx: Context,
  input: { refreshToken?: string | undefined; allDevices: boolean },
) {
  const now = ctx.services.now();
  const refreshToken = input.refreshToken || ctx.request.refreshCookie;
  // Whatever happens next, the browser should stop presenting this cookie.
  ctx.response.clearRefreshCookie();

  let session: { id: string; userId: string; live: boolean; current: boolean } | null;
  if (refreshToken) {
    session = await findSessionByRefreshToken(ctx.prisma, refreshToken, now);
    if (!session) throw new AppError('INVALID_REFRESH_TOKEN', 'Invalid refresh token');
    if (input.allDevices && session.live && !session.current) {
      throw new AppError(
        'INVALID_REFRESH_TOKEN',
        'Signing out everywhere needs the current refresh token or an access token',
      );
    }
  } else if (ctx.request.authorization) {
    const caller = await ctx.authenticate();
    session = { id: caller.sessionId ?? '', userId: caller.user.id, live: true, current: true };
  } else {
    throw new AppError(
      'MISSING_REFRESH_TOKEN',
      'No refresh token or access token to sign out with',
    );
  }

  if (!session.live) return;
  const { userId, id } = session;
  // Live-sync streams of the revoked sessions end within moments, on every instance.
  await revokeAnnounced(ctx, userId, async (tx) => {
    if (input.allDevices) await revokeUserSessions(tx, userId, { now });
    else if (id) await revokeSession(tx, userId, id, now);
  });
}
