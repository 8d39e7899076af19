// Rate-limit counters in Redis when REDIS_URL is set: one atomic INCR + TTL per attempt.
import { Redis } from 'ioredis';
import { type IRateLimiterStoreOptions, RateLimiterRedis } from 'rate-limiter-flexible';
import type { ConnectionErrorLog } from '../ops/connection-errors';

const COMMAND_TIMEOUT_MS = 300;

export function createRedisLimiter(
  redisUrl: string,
  options: Omit<IRateLimiterStoreOptions, 'storeClient'>,
  connectionLog: ConnectionErrorLog,
) {
  // A request fails over to the insurance limiter within COMMAND_TIMEOUT_MS instead of waiting on
  // reconnects: no retry of a failed command, and a short timeout for one queued while the
  // connection is (re)established, which on a healthy network takes a few milliseconds.
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: COMMAND_TIMEOUT_MS,
    lazyConnect: false,
  });
  // Logged once per outage, not once per reconnect attempt; each decision taken meanwhile is
  // counted by the insurance limiter.
  redis.on('error', (error) => connectionLog.failed(error));
  redis.on('ready', () => connectionLog.recovered());
  const limiter = new RateLimiterRedis({ ...options, storeClient: redis });
  return {
    consume: (key: string) => limiter.consume(key),
    reward: (key: string, points: number) => limiter.reward(key, points),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
