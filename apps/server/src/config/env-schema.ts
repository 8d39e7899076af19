// What each environment variable may hold, one entry per variable (its parser and its default),
// and the rules that involve several variables. Pure parsing: no file, clock or process is read
// here; env.ts turns the result into the Config and performs the side effects.
import { z } from 'zod';
import { MIN_HMAC_SECRET_BYTES as MIN_SECRET_BYTES } from '@repo/auth';
import { DEFAULT_MAX_BATCH_SIZE } from '@repo/validators';
import { parseTrustProxy } from '../http/client-ip';

export const SECRET_HINT = 'generate one with: openssl rand -base64 48';
/** Values copied from examples and tutorials: refused anywhere but on a developer's machine. */
const PLACEHOLDER_SECRET =
  /change[-_ ]?(me|this|it)|placeholder|your[-_ ]?(jwt[-_ ]?)?secret|^secret$/i;

const int = (min: number, max: number) =>
  z.string().transform((value, ctx) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `must be an integer from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });

const bool = () =>
  z.string().transform((value, ctx) => {
    const v = value.toLowerCase();
    if (['true', '1', 'yes'].includes(v)) return true;
    if (['false', '0', 'no'].includes(v)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

const urlWithScheme = (schemes: string[], what: string) =>
  z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${what} URL (${schemes.map((s) => `${s}//`).join(' or ')})`,
  );

const secret = () =>
  z
    .string()
    .refine(
      (value) => Buffer.byteLength(value, 'utf8') >= MIN_SECRET_BYTES,
      `must be at least ${MIN_SECRET_BYTES} bytes (256 bits); ${SECRET_HINT}`,
    );

const originList = () =>
  z.string().transform((value, ctx) => {
    const origins = value
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    for (const origin of origins) {
      let valid = false;
      try {
        const url = new URL(origin);
        valid = (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin;
      } catch {
        // reported below
      }
      if (!valid) {
        // "*" with credentials would let every site act as the user: list origins instead.
        ctx.addIssue({
          code: 'custom',
          message: `"${origin}" is not an origin; use a comma list like https://app.example.com (no "*", path or trailing slash)`,
        });
        return z.NEVER;
      }
    }
    return origins;
  });

const trustProxy = () =>
  z.string().transform((value, ctx) => {
    const parsed = parseTrustProxy(value);
    if (parsed) return parsed;
    ctx.addIssue({
      code: 'custom',
      message: 'must be false, true, a number of proxy hops, or a comma list of proxy IP addresses',
    });
    return z.NEVER;
  });

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/**
 * Every variable the server reads. Defaults that depend on another variable (NODE_ENV,
 * WEB_CONCURRENCY) are left undefined here and chosen in env.ts.
 */
export const envSchema = z
  .object({
    NODE_ENV: oneOf(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: int(0, 65535).default(3000),
    /** Absent: embedded PGlite in DATA_DIR. */
    DATABASE_URL: urlWithScheme(['postgres:', 'postgresql:'], 'PostgreSQL').optional(),
    DATABASE_POOL_SIZE: int(1, 1000).default(10),
    DATA_DIR: z.string().default('.data'),
    MIGRATE_ON_START: bool().default(true),
    /** Absent outside production: a development secret kept in DATA_DIR. */
    JWT_SECRET: secret().optional(),
    JWT_ISSUER: z.string().default('typed-backend'),
    JWT_AUDIENCE: z.string().default('typed-backend-clients'),
    // Short access tokens are for tests and demos of refresh; 5 s is the least that still works.
    ACCESS_TOKEN_TTL_SECONDS: int(5, 86_400).default(900),
    REFRESH_TOKEN_TTL_SECONDS: int(60, 31_536_000).default(604_800),
    CORS_ORIGINS: originList().optional(),
    TRUST_PROXY: trustProxy().default({ mode: 'none' }),
    BODY_LIMIT_BYTES: int(1, 100 * 1024 * 1024).default(1024 * 1024),
    /**
     * /trpc's own, smaller limit: every byte there is parsed before authentication. The largest
     * valid input (an asset with every field at its limit, ~121 KB of JSON) still fits.
     */
    TRPC_BODY_LIMIT_BYTES: int(1, 100 * 1024 * 1024).default(128 * 1024),
    /**
     * A request's headers must arrive within this (for a new connection, counted from when it
     * opened: one that sends nothing is closed after it too).
     */
    HTTP_HEADERS_TIMEOUT_MS: int(100, 600_000).default(10_000),
    /** The whole request (headers and body) must arrive within this. */
    HTTP_REQUEST_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
    /** An idle keep-alive connection is closed after this. */
    HTTP_KEEP_ALIVE_TIMEOUT_MS: int(100, 600_000).default(5_000),
    /** Open connections per process; more are closed at once (keep it below `ulimit -n`). */
    HTTP_MAX_CONNECTIONS: int(1, 1_000_000).default(10_000),
    RATE_LIMIT_AUTH_POINTS: int(1, 1_000_000).default(5),
    SYNC_RETENTION_HOURS: int(1, 24 * 365).default(168),
    SYNC_MAX_STREAMS_PER_USER: int(1, 1000).default(20),
    RATE_LIMIT_AUTH_WINDOW_SECONDS: int(1, 86_400).default(60),
    RATE_LIMIT_LOGIN_FAILURES: int(1, 1_000_000).default(10),
    RATE_LIMIT_LOGIN_FAILURES_WINDOW_SECONDS: int(1, 86_400).default(900),
    TRPC_MAX_BATCH_SIZE: int(1, 100).default(DEFAULT_MAX_BATCH_SIZE),
    /**
     * Plain JSON tRPC calls answered without resolveResponse's WHATWG round trip (the same
     * answers, proven by a test); false sends every request through resolveResponse.
     */
    TRPC_DIRECT_CALLS: bool().default(true),
    REDIS_URL: urlWithScheme(['redis:', 'rediss:'], 'Redis').optional(),
    EXTERNAL_JWT_JWKS_URL: urlWithScheme(['https:', 'http:'], 'JWKS').optional(),
    EXTERNAL_JWT_SECRET: secret().optional(),
    EXTERNAL_JWT_ISSUER: z.string().optional(),
    EXTERNAL_JWT_AUDIENCE: z.string().optional(),
    PANEL_ENABLED: bool().optional(),
    LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    WEB_CONCURRENCY: int(1, 256).default(1),
    /** Threads per process that may hash passwords at once (argon2id, ~19 MiB each). */
    PASSWORD_HASH_THREADS: int(1, 256).optional(),
    /** Hashes per process running or waiting; past it sign-ins answer 429 before hashing. */
    PASSWORD_HASH_QUEUE_MAX: int(1, 100_000).default(64),
    /** How long in-flight requests may take to finish after SIGTERM. */
    SHUTDOWN_GRACE_SECONDS: int(0, 3600).default(20),
    /** After SIGTERM, how long readiness answers 503 before the listener closes (balancer checks). */
    SHUTDOWN_DELAY_SECONDS: int(0, 600).optional(),
    /** Bearer token for GET /metrics; without it /metrics is open, except in production (off). */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  })
  // Run even when single variables failed, so one bad value does not hide a rule it is part of.
  .superRefine(crossFieldRules, { when: () => true });

export type EnvValues = z.output<typeof envSchema>;

/**
 * Rules over several variables. A variable that failed its own parser is still "set" here but
 * holds no usable value, hence `text()`: only string values are compared.
 */
function crossFieldRules(values: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const problem = (key: keyof EnvValues, message: string) =>
    ctx.addIssue({ code: 'custom', path: [key], message });
  const isSet = (key: keyof EnvValues) => values[key] !== undefined;
  const text = (key: keyof EnvValues) =>
    typeof values[key] === 'string' ? values[key] : undefined;
  const nodeEnv = text('NODE_ENV');

  if (nodeEnv === 'production' && !isSet('JWT_SECRET')) {
    problem('JWT_SECRET', `required in production; ${SECRET_HINT}`);
  }
  for (const key of ['JWT_SECRET', 'EXTERNAL_JWT_SECRET'] as const) {
    const value = text(key);
    if (nodeEnv !== 'development' && value && PLACEHOLDER_SECRET.test(value)) {
      problem(key, `is a placeholder value; ${SECRET_HINT}`);
    }
  }
  const externalSecret = text('EXTERNAL_JWT_SECRET');
  if (externalSecret && externalSecret === text('JWT_SECRET')) {
    // Shared keys would let a token of one kind pass for the other.
    problem('EXTERNAL_JWT_SECRET', 'must differ from JWT_SECRET');
  }

  const verifiers = isSet('EXTERNAL_JWT_JWKS_URL') || isSet('EXTERNAL_JWT_SECRET');
  if (isSet('EXTERNAL_JWT_JWKS_URL') && isSet('EXTERNAL_JWT_SECRET')) {
    problem(
      'EXTERNAL_JWT_SECRET',
      'set either EXTERNAL_JWT_JWKS_URL or EXTERNAL_JWT_SECRET, not both',
    );
  }
  for (const key of ['EXTERNAL_JWT_ISSUER', 'EXTERNAL_JWT_AUDIENCE'] as const) {
    if (verifiers && !isSet(key)) {
      problem(key, 'required when EXTERNAL_JWT_JWKS_URL or EXTERNAL_JWT_SECRET is set');
    }
    if (!verifiers && isSet(key)) {
      problem(key, 'has no effect without EXTERNAL_JWT_JWKS_URL or EXTERNAL_JWT_SECRET');
    }
  }
  // Parsed numbers (defaults filled in); a value that failed its parser is not a number.
  const headersTimeout = values.HTTP_HEADERS_TIMEOUT_MS;
  const requestTimeout = values.HTTP_REQUEST_TIMEOUT_MS;
  if (
    typeof headersTimeout === 'number' &&
    typeof requestTimeout === 'number' &&
    headersTimeout > requestTimeout
  ) {
    // Node refuses it: the headers are part of the request.
    problem('HTTP_HEADERS_TIMEOUT_MS', 'must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  if (nodeEnv === 'production' && text('EXTERNAL_JWT_JWKS_URL')?.startsWith('http:')) {
    problem('EXTERNAL_JWT_JWKS_URL', 'must use https:// in production');
  }
}
