// The real server on a real socket, over a fresh migrated database, for HTTP tests:
//
//   const server = await startTestServer({ engine });
//   const res = await fetch(`${server.url}/healthz`);
//   await server.close();
//
// `engine` comes from `describe.each(testEngines)` (@repo/db/testing). Each call gets its own
// database, so test files and servers never share state.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Engine, createDatabase } from '@repo/db';
import { type TestDatabase, createTestDatabase } from '@repo/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { type Config, loadConfig } from '../../src/env';
import type { Logger } from '../../src/logger';
import { type RunningServer, type ServerDeps, startServer } from '../../src/server';

export interface TestServer {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  db: TestDatabase;
  config: Config;
  /** The server itself, for its shutdown hooks. */
  running: RunningServer;
  close(): Promise<void>;
}

export interface TestServerOptions {
  engine?: Engine;
  config?: Partial<Config>;
  /** e.g. a logger writing to a buffer, to assert on log lines. */
  logger?: Logger;
  services?: ServerDeps['services'];
  migrationsDir?: string;
  /** A built web app to serve at `/`; default none, so tests do not depend on a build. */
  webAppDir?: string | null;
}

export const TEST_JWT_SECRET = 'test-only-jwt-secret-0123456789abcdef';

/** A valid test configuration: port 0 on 127.0.0.1, silent logs, no migrations on start. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: join(tmpdir(), 'typed-backend-test'),
    MIGRATE_ON_START: 'false',
  });
  return { ...base, ...overrides };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase(options.engine ?? 'pglite');
  const config = testConfig({ databaseUrl: db.url, ...options.config });
  const { running, close } = await serveOwning(db, config, {
    db,
    logger: options.logger,
    services: options.services,
    migrationsDir: options.migrationsDir,
    webAppDir: options.webAppDir ?? null,
  });
  return { url: running.url, db, config, running, close };
}

/** The server on a database it then owns: closing it, or failing to start, closes the database. */
async function serveOwning(
  db: { close(): Promise<void> },
  config: Config,
  deps: ServerDeps,
): Promise<{ running: RunningServer; close: () => Promise<void> }> {
  try {
    const running = await startServer(config, deps);
    const close = async () => {
      await running.close();
      await db.close();
    };
    return { running, close };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * startTestServer for the enclosing describe block: started in its beforeAll, closed in its
 * afterAll. The fields are filled in by that beforeAll, so read them in hooks and tests only.
 */
export function useTestServer(options: TestServerOptions = {}): TestServer {
  const server = {} as TestServer;
  beforeAll(async () => {
    Object.assign(server, await startTestServer(options));
  });
  afterAll(() => server.close?.());
  return server;
}

export interface OtherInstance {
  url: string;
  close(): Promise<void>;
}

/**
 * Another instance on `first`'s database, as behind a load balancer: its own pool, its own
 * sync bus (LISTEN connection) and session cache. PostgreSQL only: PGlite is one process.
 */
export async function startOtherInstance(
  first: TestServer,
  config: Partial<Config> = {},
): Promise<OtherInstance> {
  const db = createDatabase({ databaseUrl: first.db.url, poolSize: 4 });
  const { running, close } = await serveOwning(
    db,
    testConfig({ databaseUrl: first.db.url, ...config }),
    {
      db,
      webAppDir: null,
    },
  );
  return { url: running.url, close };
}
