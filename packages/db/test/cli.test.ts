import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, createDatabase } from '../src/client';
import { readMigrationFiles } from '../src/migrate/files';
import { defaultMigrationsDir, defaultPgliteDir, repoRoot } from '../src/paths';
import { type TestDatabase, createEmptyTestDatabase, testEngines } from '../src/testing';
import { tempDir } from './helpers/temp-files';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const migrationNames = readMigrationFiles(defaultMigrationsDir).map((file) => file.name);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs src/cli.ts as `pnpm db:*` does (tsx), with exactly the environment given. */
function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      { cwd: packageDir, env: { PATH: process.env.PATH ?? '', DATABASE_URL: '', ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('db CLI', () => {
  it('answers an unknown command with its usage and exit code 2', async () => {
    const result = await cli(['frobnicate'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: pnpm db:migrate \| pnpm db:status/);
  });

  it('exits 1 with the cause when the database cannot be reached', async () => {
    const result = await cli(['migrate'], {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Failed: .*ECONNREFUSED/);
  });

  it('finds the embedded database under DATA_DIR, relative to the repository root', () => {
    expect(defaultPgliteDir()).toBe(resolve(repoRoot, '.data/pglite'));
    expect(defaultPgliteDir('var/data')).toBe(resolve(repoRoot, 'var/data/pglite'));
    expect(defaultPgliteDir('/srv/data')).toBe('/srv/data/pglite');
  });
});

// Each CLI run is a new Node process opening the database: seconds apiece on a busy machine.
describe.each(testEngines)('db CLI on %s', { timeout: 120_000 }, (engine) => {
  let env: Record<string, string>;
  let target: string;
  let postgres: TestDatabase | undefined;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir();
    postgres = engine === 'postgres' ? await createEmptyTestDatabase(engine, 1) : undefined;
    env = postgres ? { DATABASE_URL: postgres.url! } : { DATA_DIR: dataDir };
    target = postgres ? 'PostgreSQL database postgresql://' : join(dataDir, 'pglite');
  });
  afterAll(async () => {
    await postgres?.close();
  });
  /** The same database the CLI uses, opened only while the CLI is not running. */
  async function withSameDatabase(fn: (db: Database) => Promise<unknown>): Promise<void> {
    const db = postgres ?? createDatabase({ pgliteDir: join(dataDir, 'pglite') });
    try {
      await fn(db);
    } finally {
      if (!postgres) await db.close();
    }
  }

  it('reports pending migrations with exit code 1 before the first migrate', async () => {
    const result = await cli(['status'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(target);
    for (const name of migrationNames) expect(result.stdout).toContain(`pending  ${name}`);
    expect(result.stdout).toMatch(/pending: run `pnpm db:migrate`/);
  });

  it('applies the migrations, printing each, then reports them all applied', async () => {
    const migrated = await cli(['migrate'], env);
    expect(migrated).toMatchObject({ code: 0, stderr: '' });
    expect(migrated.stdout).toContain(target);
    for (const name of migrationNames) expect(migrated.stdout).toMatch(`applied  ${name} (`);

    const status = await cli(['status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`applied  ${migrationNames.at(-1)}`);
    expect(status.stdout).toContain('Up to date.');
  });

  it('exits 1 naming the migration when the history no longer matches the files', async () => {
    await withSameDatabase((db) =>
      db.withConnection((conn) =>
        conn.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ('cli-test', 'x', '20990101000000_gone', now(), 1)`,
        ),
      ),
    );
    const result = await cli(['status'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/20990101000000_gone is applied .* migration\.sql is missing/);
  });
});
