// Throw-away copies of the repository's migrations and schema, for tests that edit them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { defaultMigrationsDir, defaultSchemaPath } from '../../src/paths';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'db-test-'));
  created.push(dir);
  return dir;
}

/** A copy of prisma/migrations that a test may edit. */
export function copyMigrations(): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

/** A copy of prisma/schema.prisma with `edit` applied; fails if the edit changed nothing. */
export function editedSchema(edit: (schema: string) => string): string {
  const original = readFileSync(defaultSchemaPath, 'utf8');
  const edited = edit(original);
  if (edited === original) throw new Error('The schema edit did not apply');
  const path = join(tempDir(), 'schema.prisma');
  writeFileSync(path, edited);
  return path;
}

/** Inserts `line` into the body of `model`, before its closing brace. */
export function addToModel(model: string, line: string): (schema: string) => string {
  return (schema) => schema.replace(new RegExp(`(model ${model} \\{[^}]*)\\}`), `$1  ${line}\n}`);
}
