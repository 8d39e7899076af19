// rate-limiter-flexible answers "over budget" by rejecting with a RateLimiterRes; packages/api
// wants a plain decision. Store failures are not decisions: they propagate as errors.
import type { RateLimiter } from '@repo/api';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

export function asRateLimiter(
  limiter: Pick<RateLimiterAbstract, 'consume' | 'reward'>,
): RateLimiter {
  return {
    async refund(key) {
      await limiter.reward(key, 1);
    },
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        };
      }
    },
  };
}
