// The built server as real processes for the fault suite (kill -9 needs a process of its own):
// one bundle per test file, each instance spawned with only the environment given, so a test
// can kill it, read its memory, or start it again.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './test-server';

const serverDir = join(import.meta.dirname, '../..');

/** Bundles the server into a fresh folder (inside apps/server, so its imports resolve). */
export function buildBundle(): { main: string; remove(): void } {
  mkdirSync(join(serverDir, 'test-artifacts'), { recursive: true });
  const outdir = mkdtempSync(join(serverDir, 'test-artifacts', 'bundle-'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir], {
    cwd: serverDir,
    stdio: 'pipe',
  });
  return {
    main: join(outdir, 'main.js'),
    remove: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

export interface ServerProcess {
  url: string;
  pid: number;
  process: ChildProcess;
  /** Resident memory of the process now, from /proc (Linux). */
  rssBytes(): number;
  stderr(): string;
  /** SIGKILL: no shutdown of any kind. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** A production-mode instance on `port` over `databaseUrl` (already migrated). */
export async function startServerProcess(
  main: string,
  options: { port: number; databaseUrl: string; env?: Record<string, string> },
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [main], {
    cwd: mkdtempSync(join(tmpdir(), 'server-cwd-')),
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'server-data-')),
      // Behind the balancer: the client address comes from its X-Forwarded-For.
      TRUST_PROXY: '1',
      RATE_LIMIT_AUTH_POINTS: '100000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 30_000;
  let url: string | undefined;
  while (!(url = /Server ready at (\S+)/.exec(stdout)?.[1])) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start; stderr:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    process: child,
    rssBytes: () => {
      const line = readFileSync(`/proc/${pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('VmRSS:'));
      return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) * 1024;
    },
    stderr: () => stderr,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
