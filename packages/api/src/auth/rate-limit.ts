// The shared register/login budget per client IP (an IPv6 client's whole /64). It runs before input parsing, so malformed
// attempts spend the budget too. The store is behind Services: this package stays store-free.
import { AppError } from '../errors';
import { publicProcedure } from '../trpc';
import { rateLimitKey } from './rate-limit-key';

export const authRateLimitedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const decision = await ctx.services.authRateLimiter.consume(rateLimitKey(ctx.request.ip));
  if (!decision.allowed) {
    const seconds = Math.max(1, decision.retryAfterSeconds);
    throw new AppError('RATE_LIMIT_EXCEEDED', `Too many attempts; retry in ${seconds} s`, {
      retryAfter: seconds,
    });
  }
  return next();
});
