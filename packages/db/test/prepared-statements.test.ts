import { describe, expect, it } from 'vitest';
import { createStatementNamer } from '../src/statement-names';
import { createTestDatabase, testDatabaseUrl } from '../src/testing';

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

describe.skipIf(!testDatabaseUrl)('prepared statements on postgres', () => {
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
