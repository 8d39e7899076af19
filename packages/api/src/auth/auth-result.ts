// Turns a session into the AuthResult of docs/contract.md and delivers its refresh token the way the
// client asked: in an HttpOnly cookie for the web (never in the body), in the body for mobile.
import { type IssuedRefresh, type PublicUser, startSession } from '@repo/auth';
import type { AuthResult, SessionMode } from '@repo/validators';
import type { Context } from '../context';

export const clientInfo = (ctx: Context) => ({
  userAgent: ctx.request.userAgent,
  ip: ctx.request.ip,
});

export async function deliverAuthResult(
  ctx: Context,
  user: PublicUser,
  refresh: IssuedRefresh,
  mode: SessionMode,
  now: Date,
): Promise<AuthResult> {
  const access = await ctx.services.accessTokens.sign(
    { userId: user.id, email: user.email, sessionId: refresh.sessionId },
    now,
  );
  const result: AuthResult = {
    user,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshTokenExpiresAt: refresh.refreshTokenExpiresAt,
  };
  // A null refresh token (grace-window answer) leaves the client's current token in place.
  if (refresh.refreshToken === null) return result;
  if (mode === 'token') return { ...result, refreshToken: refresh.refreshToken };
  ctx.response.setRefreshCookie(refresh.refreshToken, refresh.refreshTokenExpiresAt);
  return result;
}

/** A new session (register, login) and its first tokens. */
export async function startAuthSession(
  ctx: Context,
  user: PublicUser,
  mode: SessionMode,
): Promise<AuthResult> {
  const now = ctx.services.now();
  const refresh = await startSession(
    ctx.prisma,
    user.id,
    clientInfo(ctx),
    now,
    ctx.services.refreshTokenTtlMs,
  );
  return deliverAuthResult(ctx, user, refresh, mode, now);
}
