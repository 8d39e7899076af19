// The drift test is only as good as the comparison behind it: each kind of difference it must
// catch is made here for real (inside a transaction that is rolled back) and must be reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSchemas } from '../src/migrate/compare-schemas';
import { type SchemaSnapshot, introspectSchema } from '../src/migrate/introspect';
import { type TestDatabase, createTestDatabase, testEngines } from '../src/testing';

const labels = { left: 'before', right: 'after' };

const changes: [what: string, sql: string, difference: string][] = [
  [
    'a varchar length',
    'ALTER TABLE "User" ALTER COLUMN "email" TYPE VARCHAR(255)',
    'column "User"."email": type character varying(254) in before, character varying(255) in after',
  ],
  [
    'a timestamp precision',
    'ALTER TABLE "Task" ALTER COLUMN "dueDate" TYPE TIMESTAMPTZ(6)',
    'column "Task"."dueDate": type timestamp(3) with time zone in before, timestamp(6) with time zone in after',
  ],
  [
    'nullability',
    'ALTER TABLE "Task" ALTER COLUMN "description" SET NOT NULL',
    'column "Task"."description": nullable true in before, false in after',
  ],
  [
    'a default',
    `ALTER TABLE "Task" ALTER COLUMN "priority" SET DEFAULT 'high'`,
    `column "Task"."priority": default 'medium'::"Priority" in before, 'high'::"Priority" in after`,
  ],
  [
    'an enum value',
    `ALTER TYPE "Priority" ADD VALUE 'urgent'`,
    'enum "Priority": (low, medium, high) in before, (low, medium, high, urgent) in after',
  ],
  [
    'a dropped column',
    'ALTER TABLE "Tag" DROP COLUMN "color"',
    'column "Tag"."color" only in before',
  ],
  [
    'the primary key columns',
    `ALTER TABLE "TaskTag" DROP CONSTRAINT "TaskTag_pkey",
       ADD CONSTRAINT "TaskTag_pkey" PRIMARY KEY ("tagId", "taskId")`,
    'primary key "TaskTag_pkey" on "TaskTag": (taskId, tagId) in before, (tagId, taskId) in after',
  ],
  [
    'a unique constraint',
    'ALTER TABLE "Tag" ADD CONSTRAINT "Tag_name_key" UNIQUE ("name")',
    'unique constraint "Tag_name_key" on "Tag" only in after',
  ],
  [
    'index column order',
    `DROP INDEX "Task_userId_title_id_idx";
     CREATE INDEX "Task_userId_title_id_idx" ON "Task" ("userId", "id", "title")`,
    'index "Task_userId_title_id_idx" on "Task": columns ("userId", title, id) in before, ("userId", id, title) in after',
  ],
  [
    'index sort direction',
    `DROP INDEX "Task_userId_title_id_idx";
     CREATE INDEX "Task_userId_title_id_idx" ON "Task" ("userId", "title" DESC, "id")`,
    'index "Task_userId_title_id_idx" on "Task": columns ("userId", title, id) in before, ("userId", title DESC, id) in after',
  ],
  [
    'index uniqueness',
    'DROP INDEX "TaskTag_tagId_idx"; CREATE UNIQUE INDEX "TaskTag_tagId_idx" ON "TaskTag" ("tagId")',
    'index "TaskTag_tagId_idx" on "TaskTag": unique false in before, true in after',
  ],
  [
    'a foreign key action',
    `ALTER TABLE "Task" DROP CONSTRAINT "Task_userId_fkey", ADD CONSTRAINT "Task_userId_fkey"
       FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE`,
    'foreign key "Task_userId_fkey" on "Task": onDelete CASCADE in before, RESTRICT in after',
  ],
  [
    'a foreign key target',
    `ALTER TABLE "Asset" DROP CONSTRAINT "Asset_ownerId_fkey", ADD CONSTRAINT "Asset_ownerId_fkey"
       FOREIGN KEY ("ownerId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    'foreign key "Asset_ownerId_fkey" on "Asset": references User in before, Session in after',
  ],
  ['an extra table', 'CREATE TABLE "Extra" ("id" INTEGER)', 'table "Extra" only in after'],
];

describe.each(testEngines)('schema comparison on %s', (engine) => {
  let db: TestDatabase;
  let before: SchemaSnapshot;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    before = await db.withConnection((conn) => introspectSchema(conn));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('sees the data model: its tables, enums, keys and indexes', () => {
    expect(Object.keys(before.tables).sort()).toEqual([
      'Asset',
      'RefreshToken',
      'Session',
      'SyncCursor',
      'SyncEvent',
      'Tag',
      'Task',
      'TaskTag',
      'User',
    ]);
    expect(before.enums.Priority).toEqual(['low', 'medium', 'high']);
    expect(before.tables.User!.indexes.User_email_key).toMatchObject({
      columns: ['email'],
      unique: true,
    });
    expect(before.tables.RefreshToken!.foreignKeys.RefreshToken_replacedById_fkey).toMatchObject({
      columns: ['replacedById'],
      references: 'RefreshToken',
      referencedColumns: ['id'],
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
    });
    expect(compareSchemas(before, structuredClone(before), labels)).toEqual([]);
  });

  it.each(changes)('reports %s', async (_what, sql, difference) => {
    const after = await db.withConnection(async (conn) => {
      await conn.exec('BEGIN');
      try {
        await conn.exec(sql);
        return await introspectSchema(conn);
      } finally {
        await conn.exec('ROLLBACK');
      }
    });
    expect(compareSchemas(before, after, labels)).toEqual([difference]);
  });
});
