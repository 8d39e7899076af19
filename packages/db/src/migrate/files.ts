// Reads migration folders in Prisma's layout: <dir>/<timestamp>_<name>/migration.sql.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksumOf } from './checksum';

export { defaultMigrationsDir } from '../paths';

export interface MigrationFile {
  name: string;
  path: string;
  sql: string;
  /** sha-256 of the file's bytes, hex: the checksum Prisma writes to _prisma_migrations. */
  checksum: string;
}

export function readMigrationFiles(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`Migrations directory not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const path = join(dir, name, 'migration.sql');
      const bytes = readFileSync(path);
      return { name, path, sql: bytes.toString('utf8'), checksum: checksumOf(bytes) };
    });
}
