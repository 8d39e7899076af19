// /readyz says no whenever this instance cannot serve: database gone or schema behind.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, defaultMigrationsDir } from '@repo/db';
import { createTestDatabase, testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { createReadinessCheck } from '../src/readiness';
import { startServer } from '../src/server';
import { startTestServer, testConfig } from './helpers/test-server';

async function readyz(url: string) {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
}

/** prisma/migrations plus one migration the test database has not seen. */
function migrationsWithOnePending(): string {
  const dir = mkdtempSync(join(tmpdir(), 'server-migrations-'));
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  mkdirSync(join(dir, '29991231000000_not_yet'));
  writeFileSync(join(dir, '29991231000000_not_yet', 'migration.sql'), 'SELECT 1;');
  return dir;
}

describe.each(testEngines)('readiness on %s', (engine) => {
  it('answers 503 while a migration is pending', async () => {
    const server = await startTestServer({ engine, migrationsDir: migrationsWithOnePending() });
    try {
      expect(await readyz(server.url)).toEqual({
        status: 503,
        body: { status: 'unavailable', reason: 'migrations pending: 29991231000000_not_yet' },
      });
    } finally {
      await server.close();
    }
  });

  it('answers 503 when the database cannot be reached, while /healthz still answers 200', async () => {
    // PostgreSQL: nothing listens on port 1. PGlite: the database is closed under the server.
    const db = engine === 'pglite' ? await createTestDatabase('pglite') : undefined;
    const config = testConfig(
      engine === 'postgres' ? { databaseUrl: 'postgresql://postgres@127.0.0.1:1/none' } : {},
    );
    const server = await startServer(config, { db });
    try {
      await db?.close();
      expect(await readyz(server.url)).toEqual({
        status: 503,
        body: { status: 'unavailable', reason: 'database unreachable' },
      });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('reads the migration history only until it has once been found complete', async () => {
    const db = await createTestDatabase(engine);
    try {
      let connections = 0;
      const counting: Database = {
        ...db,
        withConnection: (fn) => (connections++, db.withConnection(fn)),
      };
      const check = createReadinessCheck({
        db: counting,
        logger: createLogger({ logLevel: 'silent' }),
      });
      expect(await check()).toEqual({ ready: true });
      expect(connections).toBe(2);
      expect(await check()).toEqual({ ready: true });
      expect(connections).toBe(3);
    } finally {
      await db.close();
    }
  });
});
