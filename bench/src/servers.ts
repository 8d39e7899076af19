// The two servers under test, started the same way: same port range, process count, pool size,
// JWT settings and database. The API runs its production build; the baseline runs under tsx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseChildEnv } from './env';
import type { ServerProbe } from './server-probe';
import { type ServerProcess, freePort, startServer, waitReady } from './processes';
import type { BenchSettings } from './settings';
import type { TokenConfig } from './tokens';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_MAIN = join(REPO_ROOT, 'apps/server/dist/main.js');
const BASELINE = fileURLToPath(new URL('./baseline-server.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface ServerStart {
  settings: BenchSettings;
  databaseUrl: string;
  tokens: TokenConfig;
  probe: ServerProbe;
  /** Extra node flags for the API (CPU profiling); cluster workers inherit them. */
  nodeArgs?: string[];
}

/** `pnpm --filter @repo/server build`: the bench measures what production runs. */
export function buildServer(): void {
  const build = spawnSync('pnpm', ['--filter', '@repo/server', 'build'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`Building the server failed:\n${build.stdout}\n${build.stderr}`);
  }
}

export async function startApi(start: ServerStart): Promise<ServerProcess> {
  const port = await freePort();
  // Nothing should be written there (PostgreSQL, JWT_SECRET given), but DATA_DIR must not be the
  // checkout's .data/ with a developer's PGlite database in it.
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-server-data-'));
  const server = startServer({
    name: 'server',
    command: process.execPath,
    args: [...(start.nodeArgs ?? []), SERVER_MAIN],
    cwd: REPO_ROOT,
    port,
    afterStop: () => rmSync(dataDir, { recursive: true, force: true }),
    env: {
      ...baseChildEnv(),
      ...start.probe.env(),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: start.databaseUrl,
      DATABASE_POOL_SIZE: String(start.settings.poolSize),
      // The bench migrated the database already; a second runner would only take the lock.
      MIGRATE_ON_START: 'false',
      DATA_DIR: dataDir,
      JWT_SECRET: start.tokens.secret,
      JWT_ISSUER: start.tokens.issuer,
      JWT_AUDIENCE: start.tokens.audience,
      LOG_LEVEL: 'warn',
      WEB_CONCURRENCY: String(start.settings.workers),
      // The login storm is meant to measure argon2, not the 5-a-minute limiter, nor the
      // per-account one: 16 logins in flight for one account spend its budget before any refund.
      RATE_LIMIT_AUTH_POINTS: '1000000',
      RATE_LIMIT_LOGIN_FAILURES: '1000000',
    },
  });
  await ready(server);
  return server;
}

/** A raw baseline: 'same' work as the API, or the 'minimal' work (token check + one statement). */
export async function startBaseline(
  start: ServerStart,
  work: 'same' | 'minimal' = 'same',
): Promise<ServerProcess> {
  const port = await freePort();
  const server = startServer({
    name: work === 'same' ? 'baseline' : 'minimal baseline',
    command: process.execPath,
    args: ['--import', TSX, BASELINE],
    cwd: REPO_ROOT,
    port,
    env: {
      ...baseChildEnv(),
      ...start.probe.env(),
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: start.databaseUrl,
      DATABASE_POOL_SIZE: String(start.settings.poolSize),
      WEB_CONCURRENCY: String(start.settings.workers),
      JWT_SECRET: start.tokens.secret,
      JWT_ISSUER: start.tokens.issuer,
      JWT_AUDIENCE: start.tokens.audience,
      BASELINE_WORK: work,
    },
  });
  await ready(server);
  return server;
}

/** A server that never became ready is stopped here: nobody else holds it yet. */
async function ready(server: ServerProcess): Promise<void> {
  try {
    await waitReady(server, '/readyz');
  } catch (error) {
    await server.stop();
    throw error;
  }
}
