// The Services packages/api needs, built from the configuration and the database: our token
// signer/verifier, the optional external issuer, and the auth rate limiter with its store.
import { createHmac } from 'node:crypto';
import {
  type Services,
  createAuthenticate,
  createLocalBus,
  createSessionCache,
  createStreamLimiter,
} from '@repo/api';
import { createAccessTokens, createExternalIssuer, findLiveSession } from '@repo/auth';
import type { Database } from '@repo/db';
import type { Logger } from 'pino';
import type { Config } from './env';
import { createAuthRateLimiter } from './rate-limit/auth-limiter';
import { createPgBus } from './sync/pg-bus';

export interface ServicesOptions {
  config: Config;
  db: Database;
  logger: Logger;
}

export interface ServerServices extends Services {
  /** Releases what the services hold beyond the database (the rate-limit store's connections). */
  close(): Promise<void>;
}

export function createServices({ config, db, logger }: ServicesOptions): ServerServices {
  const now = () => new Date();
  const accessTokens = createAccessTokens({
    secret: config.jwtSecret,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    ttlSeconds: config.accessTokenTtlSeconds,
  });
  const external = config.externalJwt && createExternalIssuer(config.externalJwt);
  const authRateLimiter = createAuthRateLimiter(config, logger);
  const accountLoginLimiter = createAuthRateLimiter(config, logger, {
    name: 'login_failures',
    points: config.rateLimitLoginFailures,
    durationSeconds: config.rateLimitLoginFailuresWindowSeconds,
  });
  // Several instances share PostgreSQL, so they share its NOTIFY; PGlite is one process.
  const pgBus = config.databaseUrl ? createPgBus(config.databaseUrl, logger) : null;
  const syncBus = pgBus ?? createLocalBus();
  // Revocations travel on the same bus, so most requests skip the session query (issue 14).
  const sessionCache = createSessionCache({
    bus: syncBus,
    // PGlite is one process, and its revocations evict before they answer: always confirmed.
    confirmedThrough: pgBus ? () => pgBus.confirmedThrough() : () => performance.now(),
    load: (userId, sessionId, at) => findLiveSession(db.prisma, userId, sessionId, at),
  });

  return {
    now,
    accessTokens,
    refreshTokenTtlMs: config.refreshTokenTtlSeconds * 1000,
    authenticate: createAuthenticate({
      prisma: db.prisma,
      accessTokens,
      external,
      now,
      sessionCache,
    }),
    sessionCache,
    authRateLimiter,
    accountLoginLimiter,
    // Derived, not the JWT secret itself: a key is used for one purpose only.
    cursorKey: createHmac('sha256', config.jwtSecret).update('pagination-cursor').digest(),
    syncBus,
    syncStreams: createStreamLimiter(config.syncMaxStreamsPerUser),
    close: async () => {
      await Promise.all([authRateLimiter.close(), accountLoginLimiter.close()]);
      await pgBus?.close();
    },
  };
}
