// A pooled connection killed while checked out and between queries (pg_terminate_backend, a
// database restart) must reach the connection log, not crash the process as an unheard 'error'.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPgPool } from '../src/pg-pool';
import { testDatabaseUrl } from '../src/testing';

describe.runIf(testDatabaseUrl)('createPgPool (PostgreSQL)', () => {
  it('logs a checked-out connection terminated between queries, and serves the next query', async () => {
    const failures: string[] = [];
    let connects = 0;
    const pool = createPgPool(
      { connectionString: testDatabaseUrl, max: 2 },
      {
        failed: (error) => failures.push((error as { code?: string }).code ?? String(error)),
        recovered: () => connects++,
      },
    );
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    try {
      const client = await pool.connect();
      const { rows: backend } = await client.query<{ pid: number }>(
        'SELECT pg_backend_pid() AS pid',
      );
      await admin.query('SELECT pg_terminate_backend($1)', [backend[0]?.pid]);
      await expect.poll(() => failures, { timeout: 5_000 }).toContain('57P01');
      client.release(new Error('terminated'));
      const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
      expect(rows).toEqual([{ one: 1 }]);
      expect(connects).toBe(2);
    } finally {
      await admin.end();
      await pool.end();
    }
  });
});
