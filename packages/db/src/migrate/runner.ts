// Applies prisma/migrations without Prisma's Rust schema engine, keeping _prisma_migrations
// exactly as `prisma migrate deploy` does so either tool can take over from the other.
import { randomUUID } from 'node:crypto';
import type { Database } from '../client';
import type { SqlConnection } from '../connection';
import { matchesChecksum } from './checksum';
import { type MigrationFile, defaultMigrationsDir, readMigrationFiles } from './files';
import { withMigrationLock } from './lock';
import { needsNoTransaction, splitStatements } from './statements';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export interface MigrateOptions {
  migrationsDir?: string;
  onApplied?: (name: string, ms: number) => void;
}

/**
 * Applies every pending migration in name order, each in its own transaction, except one that
 * PostgreSQL refuses to run in a transaction block (`CREATE INDEX CONCURRENTLY`): that one runs
 * outside any, as `prisma migrate deploy` runs it.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<string[]> {
  const files = readMigrationFiles(options.migrationsDir ?? defaultMigrationsDir);
  return db.withConnection((conn) =>
    withMigrationLock(conn, async () => {
      await conn.exec(CREATE_TABLE);
      const { pending } = checkHistory(files, await readApplied(conn));
      for (const file of pending) {
        const started = Date.now();
        await applyOne(conn, file);
        options.onApplied?.(file.name, Date.now() - started);
      }
      return pending.map((file) => file.name);
    }),
  );
}

/** Applied and pending migration names; throws as `migrate` would on a changed history. */
export async function migrationStatus(
  db: Database,
  options: Pick<MigrateOptions, 'migrationsDir'> = {},
): Promise<MigrationStatus> {
  const files = readMigrationFiles(options.migrationsDir ?? defaultMigrationsDir);
  return db.withConnection(async (conn) => {
    const [exists] = await conn.query<{ t: string | null }>(
      `SELECT to_regclass('"_prisma_migrations"')::text AS t`,
    );
    const applied = exists?.t ? await readApplied(conn) : [];
    const { pending } = checkHistory(files, applied);
    return {
      applied: applied.map((row) => row.migration_name),
      pending: pending.map((file) => file.name),
    };
  });
}

async function readApplied(conn: SqlConnection): Promise<AppliedRow[]> {
  return conn.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY migration_name`,
  );
}

/** Refuses a history that no longer matches the files, naming the offending migration. */
function checkHistory(files: MigrationFile[], applied: AppliedRow[]): { pending: MigrationFile[] } {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of applied) {
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.migration_name} is applied to the database but its migration.sql is missing.`,
      );
    }
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed earlier and was never finished; resolve it first.`,
      );
    }
    if (!matchesChecksum(file.sql, row.checksum)) {
      throw new MigrationError(
        `Migration ${row.migration_name} was edited after it was applied (${file.path}). ` +
          'Restore the file and put the change in a new migration.',
      );
    }
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return { pending: files.filter((file) => !done.has(file.name)) };
}

async function applyOne(conn: SqlConnection, file: MigrationFile): Promise<void> {
  if (needsNoTransaction(file.sql)) return applyWithoutTransaction(conn, file);
  await conn.exec('BEGIN');
  try {
    const startedAt = new Date();
    await conn.exec(file.sql);
    await conn.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, now(), 1)`,
      [randomUUID(), file.checksum, file.name, startedAt],
    );
    await conn.exec('COMMIT');
  } catch (error) {
    // If ROLLBACK itself fails the connection is gone, which rolls back too; report the cause.
    await conn.exec('ROLLBACK').catch(() => {});
    throw new MigrationError(
      `Migration ${file.name} failed and was rolled back: ${(error as Error).message}`,
    );
  }
}

/**
 * Prisma's bookkeeping for a script it cannot roll back: the row is written first, unfinished,
 * and finished only when every statement ran; a failure leaves it unfinished with the error in
 * `logs`, so the next run refuses until someone resolves it. Each statement is sent alone,
 * because a multi-statement query is an implicit transaction block.
 */
async function applyWithoutTransaction(conn: SqlConnection, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  await conn.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, file.checksum, file.name],
  );
  try {
    for (const statement of splitStatements(file.sql)) await conn.exec(statement);
  } catch (error) {
    const message = (error as Error).message;
    await conn.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
    throw new MigrationError(
      `Migration ${file.name} failed outside a transaction (it has CONCURRENTLY), so what ran before ` +
        `the failure stays; fix the database by hand, then resolve the migration: ${message}`,
    );
  }
  await conn.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}
