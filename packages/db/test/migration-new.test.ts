import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type NewMigration, createMigration } from '../src/migrate/new-migration';
import { migrate } from '../src/migrate/runner';
import { defaultSchemaPath } from '../src/paths';
import { type TestDatabase, createEmptyTestDatabase, testEngines } from '../src/testing';
import { addToModel, copyMigrations, editedSchema } from './helpers/temp-files';

// Each createMigration runs Prisma's diff (seconds), so the two that need one start together,
// once for the whole file.
const withNote = { migrationsDir: '', created: null as NewMigration | null };
const unchanged = {
  migrationsDir: '',
  before: [] as string[],
  created: null as NewMigration | null,
};
beforeAll(async () => {
  withNote.migrationsDir = copyMigrations();
  unchanged.migrationsDir = copyMigrations();
  unchanged.before = readdirSync(unchanged.migrationsDir);
  [withNote.created, unchanged.created] = await Promise.all([
    createMigration({
      name: 'add task note',
      schemaPath: editedSchema(addToModel('Task', 'note String? @db.VarChar(500)')),
      migrationsDir: withNote.migrationsDir,
      now: new Date('2099-01-02T03:04:05.678Z'),
    }),
    createMigration({
      name: 'nothing to do',
      schemaPath: defaultSchemaPath,
      migrationsDir: unchanged.migrationsDir,
    }),
  ]);
}, 300_000);

describe('pnpm db:migration:new', () => {
  it('writes the SQL for a new field into a timestamped migration folder', () => {
    const created = withNote.created!;
    expect(created.name).toBe('20990102030405_add_task_note');
    expect(created.path).toBe(join(withNote.migrationsDir, created.name, 'migration.sql'));
    expect(readFileSync(created.path, 'utf8')).toBe(created.sql);
    expect(created.sql).toMatch(/ALTER TABLE "Task" ADD COLUMN\s+"note" VARCHAR\(500\);/);
    // Only the change: the existing migrations already create everything else.
    expect(created.sql).not.toMatch(/CREATE (TABLE|TYPE|INDEX)/);
  });

  it('creates nothing when prisma/migrations already match schema.prisma', () => {
    expect(unchanged.created).toBeNull();
    expect(readdirSync(unchanged.migrationsDir)).toEqual(unchanged.before);
  });

  it('refuses a folder that would sort before the newest migration, before any work', async () => {
    const migrationsDir = copyMigrations();
    const before = readdirSync(migrationsDir);
    await expect(
      createMigration({ name: 'late', migrationsDir, now: new Date('2020-01-01T00:00:00Z') }),
    ).rejects.toThrow(/20200101000000_late would sort before the newest migration/);
    await expect(createMigration({ name: ' -- ', migrationsDir })).rejects.toThrow(/needs a name/);
    expect(readdirSync(migrationsDir)).toEqual(before);
  });
});

describe.each(testEngines)('a generated migration on %s', (engine) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it('applies after the existing ones and adds the column', async () => {
    db = await createEmptyTestDatabase(engine);
    const applied = await migrate(db, { migrationsDir: withNote.migrationsDir });
    expect(applied.at(-1)).toBe('20990102030405_add_task_note');
    const [column] = await db.withConnection((conn) =>
      conn.query(
        `SELECT data_type, character_maximum_length AS length, is_nullable
         FROM information_schema.columns WHERE table_name = 'Task' AND column_name = 'note'`,
      ),
    );
    expect(column).toEqual({ data_type: 'character varying', length: 500, is_nullable: 'YES' });
  });
});
