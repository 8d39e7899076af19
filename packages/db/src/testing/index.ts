// Test databases: each test file gets its own fresh, migrated database on every engine under
// test. PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server we may create
// databases on.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, createDatabase } from '../client';
import type { Engine } from '../connection';
import { migrate } from '../migrate/runner';
import { loadPgliteTemplate } from '../pglite-template';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/**
 * The engines a run tests against. In CI PostgreSQL is always one of them: without
 * TEST_DATABASE_URL its suites then fail (createEmptyTestDatabase throws) instead of being
 * skipped, so a CI that lost its database setting cannot pass on PGlite alone.
 */
export function enginesUnderTest(env: { CI?: string; TEST_DATABASE_URL?: string }): Engine[] {
  return env.TEST_DATABASE_URL || env.CI === 'true' ? ['pglite', 'postgres'] : ['pglite'];
}

/** The engines this run tests against: `describe.each(testEngines)`. */
export const testEngines: Engine[] = enginesUnderTest(process.env);

export interface TestDatabase extends Database {
  /** The database's own URL (PostgreSQL only), for starting servers against it. */
  readonly url: string | undefined;
}

/** A fresh empty database, not migrated: for tests of the migration runner itself. */
export async function createEmptyTestDatabase(engine: Engine, poolSize = 5): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = createDatabase({ pgliteDir: 'memory', pgliteTemplate: await loadPgliteTemplate() });
    return { ...db, url: undefined };
  }
  if (!testDatabaseUrl)
    throw new Error('TEST_DATABASE_URL is not set: PostgreSQL cannot be tested');
  const scratch = await createScratchDatabase(testDatabaseUrl, 'test');
  const db = createDatabase({ databaseUrl: scratch.url, poolSize });
  return {
    ...db,
    url: scratch.url,
    async close() {
      await db.close();
      await scratch.drop();
    },
  };
}

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops it, even with connections still open. */
  drop(): Promise<void>;
}

/**
 * A new, empty database on the PostgreSQL server `serverUrl` names (a role that may create
 * databases), called `<prefix>_<time>_<random>`: test files and benchmark runs each get their
 * own and leave nothing behind.
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    name,
    url: withDatabaseName(serverUrl, name),
    // FORCE: a server under test that did not shut down cleanly must not keep it alive.
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A fresh database with every migration applied. */
export async function createTestDatabase(engine: Engine, poolSize = 5): Promise<TestDatabase> {
  const db = await createEmptyTestDatabase(engine, poolSize);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
