// Rate-limit counters in PostgreSQL, so every server process on one database shares one budget.
// The limiter gets its own small pool (it must not queue behind request traffic) and its own
// schema, outside the Prisma-managed tables that migrations and drift checks look at.
import { createPgPool } from '@repo/db';
import type pg from 'pg';
import { type IRateLimiterPostgresOptions, RateLimiterPostgres } from 'rate-limiter-flexible';
import type { ConnectionErrorLog } from '../ops/connection-errors';

export const RATE_LIMIT_SCHEMA = 'rate_limit';

/**
 * CREATE TABLE IF NOT EXISTS is not safe when two processes start at once (both may pass the
 * existence check and one fails on pg_type's unique index), so creation is serialised with a
 * transaction-scoped advisory lock.
 */
async function createTable(pool: pg.Pool, table: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('typed-backend:rate-limit-schema'))");
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${RATE_LIMIT_SCHEMA}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${RATE_LIMIT_SCHEMA}"."${table}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export function createPostgresLimiter(
  databaseUrl: string,
  table: string,
  options: Omit<IRateLimiterPostgresOptions, 'storeClient'>,
  connectionLog: ConnectionErrorLog,
) {
  // Idle connections close on their own, so the pool never holds a stopping process open.
  // A connection losing its server must not crash the process; the outage is logged once.
  const pool = createPgPool(
    { connectionString: databaseUrl, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true },
    connectionLog,
  );
  let ready: Promise<RateLimiterPostgres> | undefined;
  const limiter = () =>
    (ready ??= createTable(pool, table).then(
      () =>
        new RateLimiterPostgres({
          ...options,
          storeClient: pool,
          storeType: 'pool',
          schemaName: RATE_LIMIT_SCHEMA,
          tableName: table,
          tableCreated: true,
          clearExpiredByTimeout: true,
        }),
      (error: unknown) => {
        ready = undefined; // try again on the next request
        throw error;
      },
    ));
  return {
    consume: async (key: string) => (await limiter()).consume(key),
    reward: async (key: string, points: number) => (await limiter()).reward(key, points),
    close: () => pool.end(),
  };
}
