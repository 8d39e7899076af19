import { describe, expect, it } from 'vitest';
import { createStatementNamer } from '../src/statement-names';
import { createTestDatabase, testEngines } from '../src/testing';

describe('statement names', () => {
  it('gives one SQL text one name, and different texts different names', () => {
    const name = createStatementNamer();
    const other = createStatementNamer();
    const a = 'SELECT 1';
    expect(name({ sql: a })).toBe(name({ sql: a }));
    expect(other({ sql: a })).toBe(name({ sql: a }));
    expect(name({ sql: 'SELECT 2' })).not.toBe(name({ sql: a }));
    expect(name({ sql: a })).toMatch(/^p_[A-Za-z0-9_-]{27}$/);
  });
});

describe.skipIf(!testEngines.includes('postgres'))('prepared statements on postgres', () => {
  it('prepares a repeated query once per connection instead of parsing it on every call', async () => {
    const db = await createTestDatabase('postgres', 1);
    try {
      for (let i = 0; i < 3; i++) {
        await db.prisma.user.findMany({ where: { email: `user${i}@example.com` } });
      }
      const prepared = await db.prisma.$queryRaw<{ statement: string }[]>`
        SELECT statement FROM pg_prepared_statements
        WHERE statement LIKE '%FROM "public"."User"%' AND statement NOT LIKE '%pg_prepared_statements%'`;
      expect(prepared).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});

describe.each(testEngines)('Database.query on %s', (engine) => {
  it('binds values and answers typed rows: ints, dates, arrays, nulls', async () => {
    const db = await createTestDatabase(engine, 1);
    try {
      const rows = await db.query<{ n: number; at: Date; ids: number[]; none: null }>(
        `SELECT $1::int + 1 AS n, $2::timestamptz AS at, $3::int[] AS ids, NULL AS none`,
        [41, new Date('2026-12-03T08:00:00.123Z'), '{3,1,2}'],
      );
      expect(rows).toEqual([
        { n: 42, at: new Date('2026-12-03T08:00:00.123Z'), ids: [3, 1, 2], none: null },
      ]);
      // A value is never read as SQL.
      const [echo] = await db.query<{ text: string }>('SELECT $1::text AS text', ["'; DROP --"]);
      expect(echo).toEqual({ text: "'; DROP --" });
    } finally {
      await db.close();
    }
  });

  it.skipIf(engine !== 'postgres')(
    'prepares each text once per connection (a named statement)',
    async () => {
      const db = await createTestDatabase(engine, 1);
      try {
        const text = 'SELECT id FROM "User" WHERE email = $1';
        for (let i = 0; i < 3; i++) await db.query(text, [`user${i}@example.com`]);
        const prepared = await db.query<{ name: string }>(
          `SELECT name FROM pg_prepared_statements WHERE statement = $1`,
          [text],
        );
        expect(prepared).toHaveLength(1);
        expect(prepared[0]!.name).toMatch(/^p_/);
      } finally {
        await db.close();
      }
    },
  );
});
