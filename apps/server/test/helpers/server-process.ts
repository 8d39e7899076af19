// The built server bundle as real OS processes: bundled once per test file into test-artifacts
// (inside apps/server, so its external imports resolve from its node_modules), then started with
// only the environment given, its output captured for assertions and failure messages.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const serverDir = join(import.meta.dirname, '../..');

/** Bundles the server (scripts/build.mjs); returns main.js and the function that removes it. */
export function buildBundle(): { bundle: string; remove: () => void } {
  mkdirSync(join(serverDir, 'test-artifacts'), { recursive: true });
  const outdir = mkdtempSync(join(serverDir, 'test-artifacts', 'bundle-'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir], {
    cwd: serverDir,
    stdio: 'pipe',
  });
  return {
    bundle: join(outdir, 'main.js'),
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
export function runBundle(bundle: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, [bundle], {
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

/** Polls `probe` until it gives a value; fails when the child exits or after 20 s. */
export async function waitForChild<T>(
  child: Child,
  probe: () => T | undefined,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (child.hasExited() || Date.now() > deadline) {
      throw new Error(`no ${what}; stderr:\n${child.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The URL a child prints once it listens ("Server ready at ..."; LOG_LEVEL info or lower). */
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
  bundle: string,
  databaseUrl: string,
  jwtSecret: string,
): Promise<ServerPair> {
  const start = () =>
    runBundle(bundle, {
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
