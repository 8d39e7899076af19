// The database commands: `pnpm db:migrate`, `pnpm db:status`, `pnpm db:migration:new <name>`.
// They work on DATABASE_URL or, when it is unset, on the embedded PGlite database the server
// uses by default: ${DATA_DIR:-.data}/pglite, a relative DATA_DIR taken from the repo root.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { type Database, createDatabase } from './client';
import { readMigrationFiles } from './migrate/files';
import { createMigration } from './migrate/new-migration';
import { MigrationError, migrate, migrationStatus } from './migrate/runner';
import { defaultMigrationsDir, defaultPgliteDir, repoRoot } from './paths';

const USAGE = 'Usage: pnpm db:migrate | pnpm db:status | pnpm db:migration:new <name>';

// This CLI is its own entry point, apart from the server's env module; it reads only these.
// eslint-disable-next-line no-restricted-properties -- a CLI entry point outside the server, reading only these two
const { DATABASE_URL, DATA_DIR } = process.env;
const databaseUrl = DATABASE_URL || undefined;
const pgliteDir = defaultPgliteDir(DATA_DIR || undefined);

async function main([command, ...args]: string[]): Promise<number> {
  if (command === 'migrate') return withDatabase(runMigrate);
  if (command === 'status') return runStatus();
  if (command === 'new' && args.length > 0) return runNew(args.join(' '));
  console.error(USAGE);
  return 2;
}

async function runMigrate(db: Database): Promise<number> {
  const applied = await migrate(db, {
    onApplied: (name, ms) => console.log(`applied  ${name} (${ms} ms)`),
  });
  console.log(applied.length ? `${plural(applied.length)} applied.` : 'No pending migrations.');
  return 0;
}

async function runStatus(): Promise<number> {
  // Asking about an embedded database that does not exist yet must not create one.
  if (!databaseUrl && !existsSync(pgliteDir)) {
    console.log(`${target()} does not exist yet.`);
    return report(
      [],
      readMigrationFiles(defaultMigrationsDir).map((file) => file.name),
    );
  }
  return withDatabase(async (db) => {
    const { applied, pending } = await migrationStatus(db);
    return report(applied, pending);
  });
}

function report(applied: string[], pending: string[]): number {
  for (const name of applied) console.log(`applied  ${name}`);
  for (const name of pending) console.log(`pending  ${name}`);
  if (pending.length === 0) {
    console.log('Up to date.');
    return 0;
  }
  console.log(`${plural(pending.length)} pending: run \`pnpm db:migrate\`.`);
  return 1;
}

async function runNew(name: string): Promise<number> {
  console.log('Comparing prisma/migrations with prisma/schema.prisma ...');
  const created = await createMigration({ name });
  if (!created) {
    console.log('No changes: the migrations already produce what schema.prisma declares.');
    return 0;
  }
  console.log(`Created ${relative(repoRoot, created.path)}:\n\n${created.sql}`);
  console.log('Review it, then apply it with `pnpm db:migrate`.');
  return 0;
}

async function withDatabase(fn: (db: Database) => Promise<number>): Promise<number> {
  console.log(target());
  const db = createDatabase({ databaseUrl, pgliteDir, poolSize: 1 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Where we work, without the password a URL may carry. */
function target(): string {
  if (!databaseUrl) return `PGlite database ${pgliteDir}`;
  const url = new URL(databaseUrl);
  url.password = '';
  return `PostgreSQL database ${url.toString()}`;
}

function plural(count: number): string {
  return count === 1 ? '1 migration' : `${count} migrations`;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // A refused history (MigrationError) is an expected answer: its message says it all.
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof MigrationError ? message : `Failed: ${message}`);
    process.exitCode = 1;
  },
);
