// The built server bundle as real OS processes (kill -9, two instances, memory need a process of
// their own): bundled once per test file into test-artifacts (inside apps/server, so its external
// imports resolve from its node_modules), then started with only the environment given, its
// output captured for assertions and failure messages.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './test-server';

const serverDir = join(import.meta.dirname, '../..');

/** Bundles the server (scripts/build.mjs); returns main.js and the function that removes it. */
export function buildBundle(): { main: string; remove: () => void } {
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

export interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  hasExited: () => boolean;
}

/** Runs the bundle with only the given environment (nothing inherited but PATH). */
export function runBundle(main: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, [main], {
    cwd: mkdtempSync(join(tmpdir(), 'server-cwd-')),
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    process: child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    hasExited: () => child.exitCode !== null || child.signalCode !== null,
  };
}

/** Polls `probe` until it gives a value; fails when the child exits or after 30 s. */
export async function waitForChild<T>(
  child: Child,
  probe: () => T | undefined,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (child.hasExited() || Date.now() > deadline) {
      throw new Error(`no ${what}; stderr:\n${child.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The URL a child prints once it listens ("Server ready at ..."). */
export const readyUrl = (child: Child) =>
  waitForChild(child, () => /Server ready at (\S+)/.exec(child.stdout())?.[1], 'the ready line');

export interface ServerPair {
  /** The two instances' base URLs. */
  urls: [string, string];
  children: Child[];
  close(): Promise<void>;
}

/** Two processes of one bundle on one database: they share nothing else. */
export async function startServerPair(
  main: string,
  databaseUrl: string,
  jwtSecret: string,
): Promise<ServerPair> {
  const start = () =>
    runBundle(main, {
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
      LOG_LEVEL: 'info',
      MIGRATE_ON_START: 'false',
      RATE_LIMIT_AUTH_POINTS: '1000',
    });
  const children = [start(), start()];
  const close = async () => {
    for (const child of children) child.process.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
  };
  try {
    const [a, b] = await Promise.all(children.map(readyUrl));
    return { urls: [a!, b!], children, close };
  } catch (error) {
    await close();
    throw error;
  }
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

/** A production-mode instance behind the balancer, on `port` over `databaseUrl` (migrated). */
export async function startServerProcess(
  main: string,
  options: { port: number; databaseUrl: string; env?: Record<string, string> },
): Promise<ServerProcess> {
  const child = runBundle(main, {
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
  });
  const url = await readyUrl(child).catch((error: unknown) => {
    child.process.kill('SIGKILL');
    throw error;
  });
  const pid = child.process.pid!;
  return {
    url,
    pid,
    process: child.process,
    rssBytes: () => {
      const line = readFileSync(`/proc/${pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('VmRSS:'));
      return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) * 1024;
    },
    stderr: child.stderr,
    kill9: async () => {
      child.process.kill('SIGKILL');
      await child.exited;
    },
    stop: async () => {
      if (!child.hasExited()) child.process.kill('SIGTERM');
      await child.exited;
    },
  };
}
