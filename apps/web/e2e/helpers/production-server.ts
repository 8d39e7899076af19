// The production server as users get it: apps/server's bundle (node dist/main.js, which serves
// the built web app) in its own process, on a fresh database: a new PostgreSQL database, or an
// embedded PGlite in a temporary DATA_DIR. Port 0; the URL is read from its "ready" line.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Engine } from '@repo/db';
import { createEmptyTestDatabase } from '@repo/db/testing';

const BUNDLE = resolve(import.meta.dirname, '../../../server/dist/main.js');

export interface ProductionServer {
  url: string;
  close(): Promise<void>;
}

export async function startProductionServer(
  engine: Engine,
  env: Record<string, string> = {},
): Promise<ProductionServer> {
  if (!existsSync(join(BUNDLE, '../web/index.html'))) {
    throw new Error(
      `${BUNDLE} has no built web app: run the build first (turbo does it before this test task)`,
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'web-e2e-'));
  const database = engine === 'postgres' ? await createEmptyTestDatabase('postgres', 1) : undefined;
  // The test's pool is not needed: the server migrates and connects by itself.
  await database?.prisma.$disconnect();
  const child = spawn(process.execPath, [BUNDLE], {
    env: {
      // eslint-disable-next-line no-restricted-properties -- the child needs PATH to find its tools
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      JWT_SECRET: 'e2e-only-jwt-secret-that-is-long-enough-0123456789',
      // Every test signs up from 127.0.0.1: the default 5 a minute is the real server's, not ours.
      RATE_LIMIT_AUTH_POINTS: '10000',
      LOG_LEVEL: 'warn',
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`server not ready in 60 s:\n${output}`)),
        60_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Server ready at (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          done(match[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`server exited with ${code}:\n${output}`));
      });
    });
    return {
      url,
      async close() {
        await stop(child);
        await database?.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop(child);
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}
