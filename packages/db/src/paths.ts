// Where things live in the repository, found from this source file so that every package and
// script (server, CLI, tests) agrees whatever directory it was started from.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const defaultSchemaPath = resolve(repoRoot, 'prisma/schema.prisma');

export const defaultMigrationsDir = resolve(repoRoot, 'prisma/migrations');

/** The embedded database's directory: `<DATA_DIR>/pglite`, a relative DATA_DIR taken from the repo root. */
export function defaultPgliteDir(dataDir = '.data'): string {
  return resolve(repoRoot, dataDir, 'pglite');
}
