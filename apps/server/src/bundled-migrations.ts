// The bundle (dist/main.js) carries a copy of prisma/migrations beside it, since the repository
// is not there at run time (a container). Run from source, this finds nothing and packages/db
// reads the repository's own prisma/migrations.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function bundledMigrationsDir(): string | undefined {
  const dir = fileURLToPath(new URL('./migrations', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}
