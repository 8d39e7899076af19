// One migration run at a time per database, whoever runs it: our runner in any process, or
// `prisma migrate` itself.
import type { SqlConnection } from '../connection';

/** The advisory lock key `prisma migrate` takes, so our runner and Prisma's exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

/**
 * Runs of `migrate` still queued or running, per connection. Advisory locks are re-entrant
 * within one session and PGlite hands every caller the same session, so two runs on one
 * embedded database would both get the lock; they queue here instead.
 */
const runsByConnection = new WeakMap<SqlConnection, Promise<unknown>>();

export function withMigrationLock<T>(conn: SqlConnection, fn: () => Promise<T>): Promise<T> {
  const previous = runsByConnection.get(conn) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      await conn.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
      try {
        return await fn();
      } finally {
        // A lost connection releases the lock by itself; the error that mattered is fn's.
        await conn.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => {});
      }
    });
  runsByConnection.set(conn, run);
  return run;
}
