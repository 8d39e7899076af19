import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/client';
import { readMigrationFiles } from '../src/migrate/files';
import { MigrationError, migrate, migrationStatus } from '../src/migrate/runner';
import { defaultMigrationsDir } from '../src/paths';
import { type TestDatabase, createEmptyTestDatabase, testEngines } from '../src/testing';
import { copyMigrations } from './helpers/temp-files';

const migrationNames = readMigrationFiles(defaultMigrationsDir).map((file) => file.name);
const init = migrationNames[0]!;

describe.each(testEngines)('migration runner on %s', (engine) => {
  const open: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
  });
  async function emptyDatabase(): Promise<TestDatabase> {
    const db = await createEmptyTestDatabase(engine);
    open.push(db);
    return db;
  }
  const query = <Row>(db: TestDatabase, sql: string) =>
    db.withConnection((conn) => conn.query<Row>(sql));
  const history = (db: TestDatabase) =>
    query<{ migration_name: string }>(
      db,
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name, started_at',
    ).then((rows) => rows.map((row) => row.migration_name));

  it('applies every migration to an empty database and records each as Prisma does', async () => {
    const db = await emptyDatabase();
    expect(await migrate(db)).toEqual(migrationNames);

    const tables = await query<{ name: string }>(
      db,
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((row) => row.name).sort()).toEqual([
      'Asset',
      'RefreshToken',
      'Session',
      'SyncCursor',
      'SyncEvent',
      'Tag',
      'Task',
      'TaskTag',
      'User',
      '_prisma_migrations',
    ]);
    const rows = await query(
      db,
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at, logs
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      migrationNames.map((name) => ({
        migration_name: name,
        checksum: createHash('sha256')
          .update(readFileSync(join(defaultMigrationsDir, name, 'migration.sql')))
          .digest('hex'),
        finished_at: expect.any(Date) as Date,
        applied_steps_count: 1,
        rolled_back_at: null,
        logs: null,
      })),
    );
  });

  it('does nothing when run again', async () => {
    const db = await emptyDatabase();
    await migrate(db);
    expect(await migrate(db)).toEqual([]);
    expect(await history(db)).toEqual(migrationNames);
    expect(await migrationStatus(db)).toEqual({ applied: migrationNames, pending: [] });
  });

  it('refuses to run when an applied migration was edited, naming it', async () => {
    const db = await emptyDatabase();
    const dir = copyMigrations();
    await migrate(db, { migrationsDir: dir });
    const file = join(dir, init, 'migration.sql');

    // Line endings alone are not an edit: Prisma accepts a CRLF checkout of the same file.
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('\n', '\r\n'));
    expect(await migrate(db, { migrationsDir: dir })).toEqual([]);

    appendFileSync(file, '-- an afterthought\r\n');
    const refusal = migrate(db, { migrationsDir: dir });
    await expect(refusal).rejects.toThrow(MigrationError);
    await expect(refusal).rejects.toThrow(new RegExp(`${init} was edited after it was applied`));
    await expect(migrationStatus(db, { migrationsDir: dir })).rejects.toThrow(init);
  });

  it('refuses to run when an applied migration is missing, naming it', async () => {
    const db = await emptyDatabase();
    const dir = copyMigrations();
    await migrate(db, { migrationsDir: dir });
    rmSync(join(dir, init), { recursive: true });

    await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`${init} is applied to the database but its migration.sql is missing`),
    );
  });

  it('rolls a failing migration back entirely and records nothing for it', async () => {
    const db = await emptyDatabase();
    const dir = copyMigrations();
    const broken = join(dir, '20990101000000_broken');
    mkdirSync(broken);
    const partialWork = `CREATE TABLE "Partial" ("id" INTEGER);
ALTER TABLE "Task" ADD COLUMN "partial" INTEGER;
INSERT INTO "Partial" VALUES (1);`;
    writeFileSync(join(broken, 'migration.sql'), `${partialWork}\nSELECT * FROM "NoSuchTable";\n`);

    await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(
      /20990101000000_broken failed and was rolled back: .*NoSuchTable/,
    );
    const leftovers = await query(
      db,
      `SELECT to_regclass('"Partial"')::text AS "table",
         (SELECT count(*)::int FROM information_schema.columns
          WHERE table_name = 'Task' AND column_name = 'partial') AS "column"`,
    );
    expect(leftovers).toEqual([{ table: null, column: 0 }]);
    // The migrations before it are kept: each one is its own transaction.
    expect(await history(db)).toEqual(migrationNames);

    // Once fixed, it applies like any pending migration.
    writeFileSync(join(broken, 'migration.sql'), partialWork);
    expect(await migrate(db, { migrationsDir: dir })).toEqual(['20990101000000_broken']);
  });

  it('runs a CREATE INDEX CONCURRENTLY migration outside a transaction and records it as Prisma does', async () => {
    const db = await emptyDatabase();
    const dir = copyMigrations();
    const name = '20990101000000_online_index';
    mkdirSync(join(dir, name));
    writeFileSync(
      join(dir, name, 'migration.sql'),
      `-- Online indexes: PostgreSQL refuses these inside a transaction block.
CREATE INDEX CONCURRENTLY "Task_title_idx" ON "Task" ("title");
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Tag_name_semi;colon_idx" ON "Tag" ("userId", "name");
`,
    );

    expect(await migrate(db, { migrationsDir: dir })).toEqual([...migrationNames, name]);
    const indexes = await query<{ name: string; valid: boolean }>(
      db,
      `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       WHERE c.relname IN ('Task_title_idx', 'Tag_name_semi;colon_idx') ORDER BY c.relname`,
    );
    expect(indexes).toEqual([
      { name: 'Tag_name_semi;colon_idx', valid: true },
      { name: 'Task_title_idx', valid: true },
    ]);
    const [row] = await query(
      db,
      `SELECT finished_at IS NOT NULL AS finished, applied_steps_count, rolled_back_at, logs
       FROM "_prisma_migrations" WHERE migration_name = '${name}'`,
    );
    expect(row).toEqual({
      finished: true,
      applied_steps_count: 1,
      rolled_back_at: null,
      logs: null,
    });
    expect(await migrate(db, { migrationsDir: dir })).toEqual([]);
  });

  it('leaves a failed CONCURRENTLY migration unfinished with its error, and refuses to go on', async () => {
    const db = await emptyDatabase();
    const dir = copyMigrations();
    const name = '20990101000000_online_index_broken';
    mkdirSync(join(dir, name));
    writeFileSync(
      join(dir, name, 'migration.sql'),
      `CREATE INDEX CONCURRENTLY "Task_title_idx" ON "Task" ("title");
CREATE INDEX CONCURRENTLY "Nope_idx" ON "NoSuchTable" ("id");
`,
    );

    await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`${name} failed outside a transaction .*NoSuchTable`),
    );
    const [row] = await query(
      db,
      `SELECT finished_at, applied_steps_count, logs ~ 'NoSuchTable' AS logged
       FROM "_prisma_migrations" WHERE migration_name = '${name}'`,
    );
    expect(row).toEqual({ finished_at: null, applied_steps_count: 0, logged: true });
    // The statement before the failure is not undone: there was no transaction to roll back.
    const [kept] = await query(db, `SELECT to_regclass('"Task_title_idx"')::text AS "index"`);
    expect(kept).toEqual({ index: '"Task_title_idx"' });
    await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`${name} failed earlier and was never finished`),
    );
  });

  it('applies each migration exactly once when two runners race', async () => {
    const db = await emptyDatabase();
    const dir = copyMigrations();
    // A slow second migration keeps the race window open while the other runner arrives.
    mkdirSync(join(dir, '20990101000000_slow'));
    writeFileSync(
      join(dir, '20990101000000_slow', 'migration.sql'),
      'SELECT pg_sleep(0.3);\nCREATE TABLE "Slow" ("id" INTEGER);\n',
    );
    const expected = [...migrationNames, '20990101000000_slow'];

    // PostgreSQL: two processes' worth of handles, each with its own pool. PGlite is one
    // in-process session, so the race there is two runs on the same handle.
    const second = db.url ? createDatabase({ databaseUrl: db.url, poolSize: 2 }) : db;
    try {
      const results = await Promise.all([
        migrate(db, { migrationsDir: dir }),
        migrate(second, { migrationsDir: dir }),
      ]);
      expect(results.flat().sort()).toEqual(expected);
      expect(await history(db)).toEqual(expected);
    } finally {
      if (second !== db) await second.close();
    }
  });
});
