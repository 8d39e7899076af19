import { describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../src/testing';

describe.each(testEngines)('database on %s', (engine) => {
  it('creates a migrated database the client can write to', async () => {
    const db = await createTestDatabase(engine);
    try {
      const user = await db.prisma.user.create({ data: { email: 'a@example.com' } });
      expect(await db.prisma.user.count()).toBe(1);
      expect(user.email).toBe('a@example.com');
    } finally {
      await db.close();
    }
  });
});
