// Proves that prisma/migrations produce exactly the database prisma/schema.prisma declares:
// a database migrated by our runner is compared, object by object, with one built from the SQL
// Prisma itself generates for the schema (`migrate diff --from-empty`).
import { beforeAll, describe, expect, it } from 'vitest';
import { compareSchemas } from '../src/migrate/compare-schemas';
import { type SchemaSnapshot, introspectSchema } from '../src/migrate/introspect';
import { diffToSchema } from '../src/migrate/prisma-diff';
import { defaultSchemaPath } from '../src/paths';
import {
  type TestDatabase,
  createEmptyTestDatabase,
  createTestDatabase,
  testEngines,
} from '../src/testing';
import { addToModel, editedSchema } from './helpers/temp-files';

const labels = { left: 'migrations', right: 'schema.prisma' };

// Prisma's diff takes seconds: the three schemas are diffed together, once for the file.
const schemaSql = { declared: '', withExtraField: '', withExtraIndex: '' };
beforeAll(async () => {
  const schemas = [
    defaultSchemaPath,
    editedSchema(addToModel('Task', 'note String?')),
    editedSchema(addToModel('Task', '@@index([userId, updatedAt])')),
  ];
  const [declared, withExtraField, withExtraIndex] = await Promise.all(
    schemas.map(async (path) => (await diffToSchema({ empty: true }, path)).sql),
  );
  Object.assign(schemaSql, { declared, withExtraField, withExtraIndex });
}, 300_000);

async function snapshot(db: TestDatabase): Promise<SchemaSnapshot> {
  return db.withConnection((conn) => introspectSchema(conn));
}

describe.each(testEngines)('migrations vs schema.prisma on %s', (engine) => {
  let migrated: SchemaSnapshot;
  beforeAll(async () => {
    const db = await createTestDatabase(engine);
    try {
      migrated = await snapshot(db);
    } finally {
      await db.close();
    }
  });

  async function builtFrom(sql: string): Promise<SchemaSnapshot> {
    expect(sql).toContain('CREATE TABLE');
    const db = await createEmptyTestDatabase(engine);
    try {
      await db.withConnection((conn) => conn.exec(sql));
      return await snapshot(db);
    } finally {
      await db.close();
    }
  }

  it('the migrations produce exactly the schema that schema.prisma declares', async () => {
    expect(compareSchemas(migrated, await builtFrom(schemaSql.declared), labels)).toEqual([]);
  });

  it('would report a field that schema.prisma declares and no migration adds', async () => {
    expect(compareSchemas(migrated, await builtFrom(schemaSql.withExtraField), labels)).toEqual([
      'column "Task"."note" only in schema.prisma',
    ]);
  });

  it('would report an index that schema.prisma declares and no migration creates', async () => {
    expect(compareSchemas(migrated, await builtFrom(schemaSql.withExtraIndex), labels)).toEqual([
      'index "Task_userId_updatedAt_idx" on "Task" only in schema.prisma',
    ]);
  });
});
