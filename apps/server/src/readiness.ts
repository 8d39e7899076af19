// Whether this instance should receive traffic: the database answers and its schema is current.
// Load balancers ask every few seconds, so the check is one cheap query; the migration history is
// read only until it has once been found complete (migrations never un-apply themselves).
import { type Database, MigrationError, migrationStatus } from '@repo/db';
import type { Logger } from 'pino';

export type ReadinessResult = { ready: true } | { ready: false; reason: string };

export interface ReadinessOptions {
  db: Database;
  logger: Logger;
  migrationsDir?: string | undefined;
  timeoutMs?: number;
}

export function createReadinessCheck(options: ReadinessOptions): () => Promise<ReadinessResult> {
  const { db, logger, migrationsDir, timeoutMs = 1000 } = options;
  let migrationsCurrent = false;
  let inFlight: Promise<ReadinessResult> | undefined;
  let lastReason: string | undefined;

  async function probe(): Promise<ReadinessResult> {
    try {
      await withTimeout(
        db.withConnection((conn) => conn.query('SELECT 1')),
        timeoutMs,
      );
    } catch (error) {
      return notReady('database unreachable', error);
    }
    if (!migrationsCurrent) {
      try {
        const status = await withTimeout(migrationStatus(db, { migrationsDir }), timeoutMs);
        if (status.pending.length > 0) {
          return notReady(`migrations pending: ${status.pending.join(', ')}`);
        }
        migrationsCurrent = true;
      } catch (error) {
        return error instanceof MigrationError
          ? notReady('migration history does not match the migration files', error)
          : notReady('database unreachable', error);
      }
    }
    if (lastReason !== undefined) logger.info('ready again');
    lastReason = undefined;
    return { ready: true };
  }

  function notReady(reason: string, error?: unknown): ReadinessResult {
    // Logged when the reason changes, not on every probe of a long outage.
    if (reason !== lastReason) logger.warn({ reason, err: error }, 'not ready');
    lastReason = reason;
    return { ready: false, reason };
  }

  // Concurrent probes share one check, so a slow database is not asked more than once at a time.
  return () => (inFlight ??= probe().finally(() => (inFlight = undefined)));
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
