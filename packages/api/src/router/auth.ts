// The auth router: accounts, sessions and their tokens (docs/contract.md: Procedures, Tokens). The rules live in
// packages/auth and ../auth/*; each procedure only strings them together.
import type { TRPCRouterRecord } from '@trpc/server';
import {
  listLiveSessions,
  revokeSession,
  revokeUserSessions,
  rotateRefreshToken,
  userSelect,
} from '@repo/auth';
import {
  authResultOutput,
  changePasswordInput,
  loginInput,
  logoutInput,
  okOutput,
  refreshInput,
  registerInput,
  revokeSessionInput,
  sessionOutput,
  userOutput,
} from '@repo/validators';
import { withAuthErrors } from '../auth/app-error';
import { clientInfo, deliverAuthResult, startAuthSession } from '../auth/auth-result';
import {
  checkCredentials,
  createPasswordUser,
  hashPasswordOrRefuse,
  invalidCredentials,
  verifyPasswordOrRefuse,
} from '../auth/credentials';
import { authRateLimitedProcedure, spendAuthBudget } from '../auth/rate-limit';
import { signOut } from '../auth/sign-out';
import { AppError, notFound } from '../errors';
import type { AfterCommit } from '../sync/bus';
import { announceRevocation, revokeAnnounced } from '../sync/revocation';
import { protectedProcedure, publicProcedure } from '../trpc';
import { authRest } from './rest-paths';

const ok = { ok: true } as const;

export const authRouter = {
  register: authRateLimitedProcedure
    .meta(authRest.register)
    .input(registerInput)
    .output(authResultOutput)
    .mutation(async ({ ctx, input }) =>
      startAuthSession(ctx, await createPasswordUser(ctx.prisma, input), input.session),
    ),

  login: authRateLimitedProcedure
    .meta(authRest.login)
    .input(loginInput)
    .output(authResultOutput)
    .mutation(async ({ ctx, input }) => {
      // Every attempt spends a point of the account's budget and a success refunds it, so only
      // failures count, from whatever addresses they come.
      const limiter = ctx.services.accountLoginLimiter;
      const key = `login-account:${input.email}`;
      await spendAuthBudget(ctx, key, limiter);
      const user = await checkCredentials(ctx.prisma, input).catch(async (error: unknown) => {
        // Refused by the full hash queue: no password was tried, so no failure is counted.
        if (error instanceof AppError && error.appCode === 'RATE_LIMIT_EXCEEDED')
          await limiter.refund(key);
        throw error;
      });
      await limiter.refund(key);
      return startAuthSession(ctx, user, input.session);
    }),

  refresh: publicProcedure
    .meta(authRest.refresh)
    .input(refreshInput)
    .output(authResultOutput)
    .mutation(async ({ ctx, input }) => {
      // The answer goes back the way the token came: body for body, cookie for cookie.
      const mode = input?.refreshToken ? 'token' : 'cookie';
      const token = input?.refreshToken || ctx.request.refreshCookie;
      if (!token) throw new AppError('MISSING_REFRESH_TOKEN', 'Missing refresh token');
      const now = ctx.services.now();
      // Reuse detection revokes the session in the rotation's transaction; so is it announced.
      let announced: AfterCommit | null = null;
      const refresh = await withAuthErrors(() =>
        rotateRefreshToken(
          ctx.prisma,
          token,
          clientInfo(ctx),
          now,
          ctx.services.refreshTokenTtlMs,
          async (tx, userId) => {
            announced = await announceRevocation(tx, ctx.services, userId);
          },
        ),
      ).catch((error: unknown) => {
        announced?.();
        // A dead cookie is dropped so the browser stops presenting it.
        if (mode === 'cookie') ctx.response.clearRefreshCookie();
        throw error;
      });
      const user = await ctx.prisma.user.findUnique({
        where: { id: refresh.userId },
        select: userSelect,
      });
      if (!user) throw new AppError('INVALID_REFRESH_TOKEN', 'Invalid refresh token');
      return deliverAuthResult(ctx, user, refresh, mode, now);
    }),

  logout: publicProcedure
    .meta(authRest.logout)
    .input(logoutInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await signOut(ctx, {
        refreshToken: input?.refreshToken,
        allDevices: input?.allDevices ?? false,
      });
      return ok;
    }),

  me: protectedProcedure
    .meta(authRest.me)
    .output(userOutput)
    // Authentication already loaded the public user, alongside its session check.
    .query(({ ctx }) => ctx.user),

  sessions: protectedProcedure
    .meta(authRest.sessions)
    .output(sessionOutput.array())
    .query(async ({ ctx }) => {
      const sessions = await listLiveSessions(ctx.prisma, ctx.user.id, ctx.services.now());
      return sessions.map((session) => ({ ...session, current: session.id === ctx.sessionId }));
    }),

  revokeSession: protectedProcedure
    .meta(authRest.revokeSession)
    .input(revokeSessionInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      // Someone else's session id answers exactly like an unknown one (and announces nothing).
      await revokeAnnounced(ctx, ctx.user.id, async (tx) => {
        if (!(await revokeSession(tx, ctx.user.id, input.sessionId, ctx.services.now())))
          throw notFound('Session');
      });
      return ok;
    }),

  changePassword: protectedProcedure
    .meta(authRest.changePassword)
    .input(changePasswordInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      // Per user, not per IP: a stolen access token must not buy unlimited password guesses.
      await spendAuthBudget(ctx, `password-change:${ctx.user.id}`);
      const row = await ctx.prisma.user.findUnique({
        where: { id: ctx.user.id },
        select: { passwordHash: true },
      });
      const matches = await verifyPasswordOrRefuse(
        row?.passwordHash ?? null,
        input.currentPassword,
      );
      if (!row?.passwordHash || !matches) throw invalidCredentials('currentPassword');
      const passwordHash = await hashPasswordOrRefuse(input.newPassword);
      const now = ctx.services.now();
      // A leaked password is why people change it: every other device has to sign in again.
      await revokeAnnounced(ctx, ctx.user.id, async (tx) => {
        await tx.user.update({ where: { id: ctx.user.id }, data: { passwordHash } });
        await revokeUserSessions(tx, ctx.user.id, { keepSessionId: ctx.sessionId, now });
      });
      return ok;
    }),
} satisfies TRPCRouterRecord;
