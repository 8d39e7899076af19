// The one module that reads the environment: parse it (config/env-schema.ts, every bad variable
// reported at once, one line each), then do what parsing must not: resolve DATA_DIR against the
// workspace and keep a development JWT secret there when none is configured.
import { availableParallelism } from 'node:os';
import { resolveDataDir } from './config/data-dir';
import { type EnvValues, envSchema } from './config/env-schema';
import { readOrCreateDevJwtSecret } from './dev-jwt-secret';
import type { TrustProxy } from './http/client-ip';
import type { HttpLimits } from './http/connection-limits';

export type NodeEnv = EnvValues['NODE_ENV'];
export type LogLevel = NonNullable<EnvValues['LOG_LEVEL']>;

export interface ExternalJwtConfig {
  /** Exactly one of jwksUrl and secret is set. */
  jwksUrl: string | undefined;
  secret: string | undefined;
  issuer: string;
  audience: string;
}

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Absent: embedded PGlite in `<dataDir>/pglite`. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** Absolute path. */
  dataDir: string;
  migrateOnStart: boolean;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  externalJwt: ExternalJwtConfig | undefined;
  corsOrigins: string[];
  trustProxy: TrustProxy;
  bodyLimitBytes: number;
  /** /trpc's body limit (smaller than the REST mirror's). */
  trpcBodyLimitBytes: number;
  /** Node's HTTP server timeouts and connection cap (http/connection-limits.ts). */
  http: HttpLimits;
  rateLimitAuthPoints: number;
  rateLimitAuthWindowSeconds: number;
  /** Failed logins per account per window, from any address. */
  rateLimitLoginFailures: number;
  rateLimitLoginFailuresWindowSeconds: number;
  /** Calls per tRPC batch request; more are refused before any procedure runs. */
  trpcMaxBatchSize: number;
  /** JSON calls and SSE subscriptions skip resolveResponse's WHATWG round trip (trpc-direct-calls.ts). */
  trpcDirectCalls: boolean;
  redisUrl: string | undefined;
  panelEnabled: boolean;
  logLevel: LogLevel;
  webConcurrency: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Threads per process that may hash passwords at once (argon2id, ~19 MiB each). */
  passwordHashThreads: number;
  /** Password hashes per process running or waiting; past it sign-ins answer 429. */
  passwordHashQueueMax: number;
  shutdownGraceSeconds: number;
  /** Live sync: events older than this are pruned; a stream resuming before them gets resync. */
  syncRetentionHours: number;
  /** Live sync: open streams per user; a new one beyond it closes the oldest. */
  syncMaxStreamsPerUser: number;
  shutdownDelaySeconds: number;
  metricsToken: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(['Invalid configuration:', ...problems.map((line) => `  ${line}`)].join('\n'));
  }
}

export type Env = Record<string, string | undefined>;

export interface LoadConfigOptions {
  /** Where a relative DATA_DIR is resolved from (through the workspace root above it). */
  cwd?: string;
}

const DEV_CORS_ORIGINS = [
  'http://localhost:5173',
  'http://localhost:8081',
  'http://localhost:19006',
];

/** Reads and validates the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(
  // eslint-disable-next-line no-restricted-properties -- the one place that reads the environment
  env: Env = process.env,
  options: LoadConfigOptions = {},
): Config {
  const values = parseEnv(env);
  const dataDir = resolveDataDir(values.DATA_DIR, options.cwd ?? process.cwd());
  return toConfig(values, dataDir, values.JWT_SECRET ?? devJwtSecret(dataDir));
}

function parseEnv(env: Env): EnvValues {
  // An empty value (`PORT=` in an env file) means "use the default", as if unset.
  const raw = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, env[key]?.trim() || undefined]),
  );
  const result = envSchema.safeParse(raw);
  if (result.success) return result.data;
  // One line per variable: its first problem is the one to fix first.
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'environment');
    if (!problems.has(key)) problems.set(key, `${key}: ${issue.message}`);
  }
  throw new ConfigError([...problems.values()]);
}

function devJwtSecret(dataDir: string): string {
  try {
    return readOrCreateDevJwtSecret(dataDir);
  } catch (error) {
    throw new ConfigError([
      `JWT_SECRET: not set, and no development secret could be kept in ${dataDir}: ${(error as Error).message}`,
    ]);
  }
}

function toConfig(values: EnvValues, dataDir: string, jwtSecret: string): Config {
  const nodeEnv = values.NODE_ENV;
  return {
    nodeEnv,
    host: values.HOST,
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    dataDir,
    migrateOnStart: values.MIGRATE_ON_START,
    jwtSecret,
    jwtIssuer: values.JWT_ISSUER,
    jwtAudience: values.JWT_AUDIENCE,
    externalJwt:
      values.EXTERNAL_JWT_ISSUER && values.EXTERNAL_JWT_AUDIENCE
        ? {
            jwksUrl: values.EXTERNAL_JWT_JWKS_URL,
            secret: values.EXTERNAL_JWT_SECRET,
            issuer: values.EXTERNAL_JWT_ISSUER,
            audience: values.EXTERNAL_JWT_AUDIENCE,
          }
        : undefined,
    corsOrigins: values.CORS_ORIGINS ?? (nodeEnv === 'production' ? [] : DEV_CORS_ORIGINS),
    trustProxy: values.TRUST_PROXY,
    bodyLimitBytes: values.BODY_LIMIT_BYTES,
    trpcBodyLimitBytes: values.TRPC_BODY_LIMIT_BYTES,
    http: {
      headersTimeoutMs: values.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: values.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: values.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: values.HTTP_MAX_CONNECTIONS,
    },
    rateLimitAuthPoints: values.RATE_LIMIT_AUTH_POINTS,
    rateLimitAuthWindowSeconds: values.RATE_LIMIT_AUTH_WINDOW_SECONDS,
    rateLimitLoginFailures: values.RATE_LIMIT_LOGIN_FAILURES,
    rateLimitLoginFailuresWindowSeconds: values.RATE_LIMIT_LOGIN_FAILURES_WINDOW_SECONDS,
    trpcMaxBatchSize: values.TRPC_MAX_BATCH_SIZE,
    trpcDirectCalls: values.TRPC_DIRECT_CALLS,
    redisUrl: values.REDIS_URL,
    panelEnabled: values.PANEL_ENABLED ?? nodeEnv !== 'production',
    logLevel: values.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    webConcurrency: values.WEB_CONCURRENCY,
    accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: values.REFRESH_TOKEN_TTL_SECONDS,
    // The cores shared out between the processes: more threads than cores would not hash faster.
    passwordHashThreads:
      values.PASSWORD_HASH_THREADS ??
      Math.max(1, Math.floor(availableParallelism() / values.WEB_CONCURRENCY)),
    passwordHashQueueMax: values.PASSWORD_HASH_QUEUE_MAX,
    shutdownGraceSeconds: values.SHUTDOWN_GRACE_SECONDS,
    syncRetentionHours: values.SYNC_RETENTION_HOURS,
    syncMaxStreamsPerUser: values.SYNC_MAX_STREAMS_PER_USER,
    // Long enough for a balancer's check to see the 503 and for keep-alive clients to be told
    // `Connection: close`; development and tests stop at once.
    shutdownDelaySeconds: values.SHUTDOWN_DELAY_SECONDS ?? (nodeEnv === 'production' ? 2 : 0),
    metricsToken: values.METRICS_TOKEN,
  };
}
