// The bench's one reader of the environment: its own settings, and the base environment handed
// to the processes it starts (PATH and friends, never the caller's server settings).

export const DEFAULT_BENCH_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The PostgreSQL server to benchmark on; the bench creates (and drops) its own database there. */
export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_DATABASE_URL;
}

/**
 * What a child process inherits: only what a process needs to run. A DATABASE_URL, REDIS_URL or
 * JWT_SECRET in the caller's shell must not leak into the servers and change what is measured.
 */
export function baseChildEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SYSTEMROOT'];
  const env: Record<string, string> = {};
  for (const key of keep) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

/** The baseline server's settings, passed by the bench through its environment. */
export interface BaselineEnv {
  port: number;
  databaseUrl: string;
  poolSize: number;
  workers: number;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  /** 'same': the API's work (session check included); 'minimal': token check + one statement. */
  work: 'same' | 'minimal';
}

export function readBaselineEnv(): BaselineEnv {
  const need = (key: string): string => {
    const value = process.env[key];
    if (!value) throw new Error(`baseline-server: ${key} is not set (it is started by src/run.ts)`);
    return value;
  };
  return {
    port: Number(need('PORT')),
    databaseUrl: need('DATABASE_URL'),
    poolSize: Number(need('DATABASE_POOL_SIZE')),
    workers: Number(need('WEB_CONCURRENCY')),
    jwtSecret: need('JWT_SECRET'),
    jwtIssuer: need('JWT_ISSUER'),
    jwtAudience: need('JWT_AUDIENCE'),
    work: process.env.BASELINE_WORK === 'minimal' ? 'minimal' : 'same',
  };
}
