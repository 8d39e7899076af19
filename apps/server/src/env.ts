// The one module that reads the environment. Every variable is checked on its own so a bad
// configuration is reported in full, one line per variable, instead of one fix per restart.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { type TrustProxy, parseTrustProxy } from './http/client-ip';
import { readOrCreateDevJwtSecret } from './dev-jwt-secret';

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

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
  rateLimitAuthPoints: number;
  rateLimitAuthWindowSeconds: number;
  redisUrl: string | undefined;
  panelEnabled: boolean;
  logLevel: LogLevel;
  webConcurrency: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Threads per process that may hash passwords at once (argon2id, ~19 MiB each). */
  passwordHashThreads: number;
  /** Live sync: events older than this are pruned; a stream resuming before them gets resync. */
  syncRetentionHours: number;
  /** Live sync: open streams per user; a new one beyond it closes the oldest. */
  syncMaxStreamsPerUser: number;
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
const MIN_SECRET_BYTES = 32;
const SECRET_HINT = 'generate one with: openssl rand -base64 48';
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

const secret = z
  .string()
  .refine(
    (value) => Buffer.byteLength(value, 'utf8') >= MIN_SECRET_BYTES,
    `must be at least ${MIN_SECRET_BYTES} bytes (256 bits); ${SECRET_HINT}`,
  );

const originList = z.string().transform((value, ctx) => {
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

const fields = {
  NODE_ENV: z.enum(['development', 'test', 'production'], {
    error: 'must be development, test or production',
  }),
  HOST: z.string(),
  PORT: int(0, 65535),
  DATABASE_URL: urlWithScheme(['postgres:', 'postgresql:'], 'PostgreSQL'),
  DATABASE_POOL_SIZE: int(1, 1000),
  DATA_DIR: z.string(),
  MIGRATE_ON_START: bool(),
  JWT_SECRET: secret,
  JWT_ISSUER: z.string(),
  JWT_AUDIENCE: z.string(),
  // Short access tokens are for tests and demos of refresh; 5 s is the least that still works.
  ACCESS_TOKEN_TTL_SECONDS: int(5, 86_400),
  REFRESH_TOKEN_TTL_SECONDS: int(60, 31_536_000),
  CORS_ORIGINS: originList,
  TRUST_PROXY: z.string().transform((value, ctx) => {
    const parsed = parseTrustProxy(value);
    if (parsed) return parsed;
    ctx.addIssue({
      code: 'custom',
      message: 'must be false, true, a number of proxy hops, or a comma list of proxy IP addresses',
    });
    return z.NEVER;
  }),
  BODY_LIMIT_BYTES: int(1, 100 * 1024 * 1024),
  RATE_LIMIT_AUTH_POINTS: int(1, 1_000_000),
  SYNC_RETENTION_HOURS: int(1, 24 * 365),
  SYNC_MAX_STREAMS_PER_USER: int(1, 1000),
  RATE_LIMIT_AUTH_WINDOW_SECONDS: int(1, 86_400),
  REDIS_URL: urlWithScheme(['redis:', 'rediss:'], 'Redis'),
  EXTERNAL_JWT_JWKS_URL: urlWithScheme(['https:', 'http:'], 'JWKS'),
  EXTERNAL_JWT_SECRET: secret,
  EXTERNAL_JWT_ISSUER: z.string(),
  EXTERNAL_JWT_AUDIENCE: z.string(),
  PANEL_ENABLED: bool(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }),
  WEB_CONCURRENCY: int(1, 256),
  PASSWORD_HASH_THREADS: int(1, 256),
} satisfies Record<string, z.ZodType<unknown, string>>;

type Fields = typeof fields;
type Values = { [K in keyof Fields]: z.output<Fields[K]> | undefined };

/** Reads and validates the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(
  // eslint-disable-next-line no-restricted-properties -- the one place that reads the environment
  env: Env = process.env,
  options: LoadConfigOptions = {},
): Config {
  const problems: string[] = [];
  const values = {} as Values;
  for (const key of Object.keys(fields) as (keyof Fields)[]) {
    // An empty value (`PORT=` in an env file) means "use the default", as if unset.
    const raw = env[key]?.trim() || undefined;
    if (raw === undefined) continue;
    const result = fields[key].safeParse(raw);
    if (result.success) (values as Record<string, unknown>)[key] = result.data;
    else problems.push(`${key}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  }

  const nodeEnv = values.NODE_ENV ?? 'development';
  problems.push(...crossFieldProblems(values, nodeEnv, env));
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = resolveDataDir(values.DATA_DIR ?? '.data', options.cwd ?? process.cwd());
  let jwtSecret = values.JWT_SECRET;
  if (!jwtSecret) {
    try {
      jwtSecret = readOrCreateDevJwtSecret(dataDir);
    } catch (error) {
      throw new ConfigError([
        `JWT_SECRET: not set, and no development secret could be kept in ${dataDir}: ${(error as Error).message}`,
      ]);
    }
  }

  return {
    nodeEnv,
    host: values.HOST ?? '127.0.0.1',
    port: values.PORT ?? 3000,
    databaseUrl: values.DATABASE_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE ?? 10,
    dataDir,
    migrateOnStart: values.MIGRATE_ON_START ?? true,
    jwtSecret,
    jwtIssuer: values.JWT_ISSUER ?? 'typed-backend',
    jwtAudience: values.JWT_AUDIENCE ?? 'typed-backend-clients',
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
    trustProxy: values.TRUST_PROXY ?? { mode: 'none' },
    bodyLimitBytes: values.BODY_LIMIT_BYTES ?? 1024 * 1024,
    rateLimitAuthPoints: values.RATE_LIMIT_AUTH_POINTS ?? 5,
    syncRetentionHours: values.SYNC_RETENTION_HOURS ?? 168,
    syncMaxStreamsPerUser: values.SYNC_MAX_STREAMS_PER_USER ?? 20,
    rateLimitAuthWindowSeconds: values.RATE_LIMIT_AUTH_WINDOW_SECONDS ?? 60,
    redisUrl: values.REDIS_URL,
    panelEnabled: values.PANEL_ENABLED ?? nodeEnv !== 'production',
    logLevel: values.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    webConcurrency: values.WEB_CONCURRENCY ?? 1,
    accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL_SECONDS ?? 900,
    refreshTokenTtlSeconds: values.REFRESH_TOKEN_TTL_SECONDS ?? 604_800,
    // The cores shared out between the processes: more threads than cores would not hash faster.
    passwordHashThreads:
      values.PASSWORD_HASH_THREADS ??
      Math.max(1, Math.floor(availableParallelism() / (values.WEB_CONCURRENCY ?? 1))),
  };
}

/** Rules that involve more than one variable, checked on the raw values so none hides another. */
function crossFieldProblems(values: Values, nodeEnv: NodeEnv, env: Env): string[] {
  const problems: string[] = [];
  const isSet = (key: keyof Fields) => Boolean(env[key]?.trim());

  if (nodeEnv === 'production' && !isSet('JWT_SECRET')) {
    problems.push(`JWT_SECRET: required in production; ${SECRET_HINT}`);
  }
  for (const key of ['JWT_SECRET', 'EXTERNAL_JWT_SECRET'] as const) {
    if (nodeEnv !== 'development' && values[key] && PLACEHOLDER_SECRET.test(values[key])) {
      problems.push(`${key}: is a placeholder value; ${SECRET_HINT}`);
    }
  }

  const verifiers = isSet('EXTERNAL_JWT_JWKS_URL') || isSet('EXTERNAL_JWT_SECRET');
  if (isSet('EXTERNAL_JWT_JWKS_URL') && isSet('EXTERNAL_JWT_SECRET')) {
    problems.push(
      'EXTERNAL_JWT_SECRET: set either EXTERNAL_JWT_JWKS_URL or EXTERNAL_JWT_SECRET, not both',
    );
  }
  for (const key of ['EXTERNAL_JWT_ISSUER', 'EXTERNAL_JWT_AUDIENCE'] as const) {
    if (verifiers && !isSet(key)) {
      problems.push(`${key}: required when EXTERNAL_JWT_JWKS_URL or EXTERNAL_JWT_SECRET is set`);
    }
    if (!verifiers && isSet(key)) {
      problems.push(`${key}: has no effect without EXTERNAL_JWT_JWKS_URL or EXTERNAL_JWT_SECRET`);
    }
  }
  if (nodeEnv === 'production' && values.EXTERNAL_JWT_JWKS_URL?.startsWith('http:')) {
    problems.push('EXTERNAL_JWT_JWKS_URL: must use https:// in production');
  }
  return problems;
}

/**
 * A relative DATA_DIR is resolved from the workspace root (the nearest directory above `cwd`
 * holding pnpm-workspace.yaml), so `pnpm start` in apps/server and `node apps/server/dist/main.js`
 * at the root share one `.data/`; outside a checkout (a container) it is resolved from `cwd`.
 */
export function resolveDataDir(dataDir: string, cwd: string): string {
  if (isAbsolute(dataDir)) return dataDir;
  return resolve(findWorkspaceRoot(cwd) ?? cwd, dataDir);
}

function findWorkspaceRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
