// The register/login budget per client IP. Where the counters live follows how the server
// runs: Redis when configured; PostgreSQL when the database is shared by several processes;
// memory only for the embedded single-process PGlite setup. A store outage falls back to a
// per-process memory limiter (rate-limiter-flexible's insurance) rather than failing logins.
import type { RateLimiter } from '@repo/api';
import type { Logger } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Config } from '../env';
import { asRateLimiter } from './decision';
import { createPostgresLimiter } from './postgres-store';
import { InsuranceLimiter } from './insurance';
import { createRedisLimiter } from './redis-store';
import { connectionErrorLog } from '../ops/connection-errors';

export type RateLimitStore = 'memory' | 'postgres' | 'redis';

export interface AuthRateLimiter extends RateLimiter {
  readonly store: RateLimitStore;
  close(): Promise<void>;
}

/** Which budget: the sign-in one per IP (default), or another kept in the same store. */
export interface Budget {
  name: string;
  points: number;
  durationSeconds: number;
}

export function createAuthRateLimiter(
  config: Config,
  logger: Logger,
  budget: Budget = {
    name: 'auth',
    points: config.rateLimitAuthPoints,
    durationSeconds: config.rateLimitAuthWindowSeconds,
  },
): AuthRateLimiter {
  const options = { points: budget.points, duration: budget.durationSeconds };
  const insuranceLimiter = new InsuranceLimiter(
    options,
    logger,
    config.redisUrl ? 'redis' : 'postgres',
  );
  // One budget per deployment: processes with the same issuer share counters in a shared store.
  const keyPrefix = `${budget.name}:${config.jwtIssuer}`;

  if (config.redisUrl) {
    const redis = createRedisLimiter(
      config.redisUrl,
      { ...options, keyPrefix, insuranceLimiter },
      connectionErrorLog(logger, `rate-limit store (redis, ${budget.name})`),
    );
    logger.info({ store: 'redis' }, 'auth rate limit store');
    return { store: 'redis', ...asRateLimiter(redis), close: redis.close };
  }
  if (config.databaseUrl) {
    const postgres = createPostgresLimiter(
      config.databaseUrl,
      budget.name,
      { ...options, keyPrefix, insuranceLimiter },
      connectionErrorLog(logger, `rate-limit store (postgres, ${budget.name})`),
    );
    logger.info({ store: 'postgres' }, 'auth rate limit store');
    return { store: 'postgres', ...asRateLimiter(postgres), close: postgres.close };
  }
  return {
    store: 'memory',
    ...asRateLimiter(new RateLimiterMemory(options)),
    close: async () => {},
  };
}
