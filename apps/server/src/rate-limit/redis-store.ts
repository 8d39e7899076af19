// Rate-limit counters in Redis when REDIS_URL is set: one atomic INCR + TTL per attempt.
import { Redis } from 'ioredis';
import { type IRateLimiterStoreOptions, RateLimiterRedis } from 'rate-limiter-flexible';

export function createRedisLimiter(
  redisUrl: string,
  options: Omit<IRateLimiterStoreOptions, 'storeClient'>,
) {
  // A request fails over to the insurance limiter instead of waiting on reconnects.
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    lazyConnect: false,
  });
  redis.on('error', () => {});
  const limiter = new RateLimiterRedis({ ...options, storeClient: redis });
  return {
    consume: (key: string) => limiter.consume(key),
    reward: (key: string, points: number) => limiter.reward(key, points),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
