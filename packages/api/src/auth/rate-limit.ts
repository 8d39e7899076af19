// The shared sign-in budgets: register/login per client IP (an IPv6 client's whole /64), and
// password changes per user, since each attempt is a password guess. The sign-in middleware
// runs before input parsing, so malformed attempts spend the budget too. The store is behind
// Services: this package stays store-free.
import type { Context } from '../context';
import { AppError } from '../errors';
import type { RateLimiter } from '../services';
import { publicProcedure } from '../trpc';
import { rateLimitKey } from './rate-limit-key';

/** Spends one point of `key`'s budget, or refuses with RATE_LIMIT_EXCEEDED and Retry-After. */
export async function spendAuthBudget(
  ctx: Pick<Context, 'services'>,
  key: string,
  limiter: RateLimiter = ctx.services.authRateLimiter,
): Promise<void> {
  const decision = await limiter.consume(key);
  if (!decision.allowed) {
    const seconds = Math.max(1, decision.retryAfterSeconds);
    throw new AppError('RATE_LIMIT_EXCEEDED', `Too many attempts; retry in ${seconds} s`, {
      retryAfter: seconds,
    });
  }
}

export const authRateLimitedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  await spendAuthBudget(ctx, rateLimitKey(ctx.request.ip));
  return next();
});
