import { describe, expect, it } from 'vitest';
import { needsNoTransaction, splitStatements } from '../src/migrate/statements';

describe('splitStatements', () => {
  it('splits on semicolons outside strings, identifiers, dollar quotes and comments', () => {
    const sql = `-- a comment; with a semicolon
CREATE TABLE "a;b" ("v" TEXT DEFAULT 'x;''y');
/* block; comment */ INSERT INTO "a;b" VALUES ('z');
CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql;
DO $$ BEGIN PERFORM 1; END $$;

SELECT 1`;
    expect(splitStatements(sql)).toEqual([
      `-- a comment; with a semicolon\nCREATE TABLE "a;b" ("v" TEXT DEFAULT 'x;''y')`,
      `/* block; comment */ INSERT INTO "a;b" VALUES ('z')`,
      'CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql',
      'DO $$ BEGIN PERFORM 1; END $$',
      'SELECT 1',
    ]);
  });

  it('drops statements that are only comments or whitespace', () => {
    expect(splitStatements('  ;\n-- nothing here\n;')).toEqual([]);
  });
});

describe('needsNoTransaction', () => {
  it.each([
    'CREATE INDEX CONCURRENTLY "i" ON "Task" ("title");',
    'create unique index concurrently if not exists "i" on "Task" ("title")',
    '-- online\nDROP INDEX CONCURRENTLY "i";',
    'REINDEX (VERBOSE) TABLE CONCURRENTLY "Task";',
  ])('is true for %j', (sql) => {
    expect(needsNoTransaction(sql)).toBe(true);
  });

  it.each([
    'CREATE INDEX "i" ON "Task" ("title");',
    `INSERT INTO "Note" VALUES ('CREATE INDEX CONCURRENTLY is online');`,
    '-- CREATE INDEX CONCURRENTLY later\nCREATE INDEX "i" ON "Task" ("title");',
    'REFRESH MATERIALIZED VIEW CONCURRENTLY "v";',
  ])('is false for %j', (sql) => {
    expect(needsNoTransaction(sql)).toBe(false);
  });
});
