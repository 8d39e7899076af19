// Rate-limit counters in Redis when REDIS_URL is set: one atomic INCR + TTL per attempt.
import { Redis } from 'ioredis';
import { type IRateLimiterStoreOptions, RateLimiterRedis } from 'rate-limiter-flexible';

export function createRedisLimiter(
  redisUrl: string,
  options: Omit<IRateLimiterStoreOptions, 'storeClient'>,
) {
  // A request fails over to the insurance limiter at once instead of waiting on reconnects: no
  // offline queue, not even tried while disconnected, and a short timeout on a slow server.
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 1_000,
    commandTimeout: 300,
    lazyConnect: false,
  });
  // Reported by the insurance limiter when a decision falls back, not once per reconnect attempt.
  redis.on('error', () => {});
  const limiter = new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
  });
  return {
    consume: (key: string) => limiter.consume(key),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
