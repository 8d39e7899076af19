// Runs pruneSessions (packages/auth) in the background: a minute after start, then hourly. Every
// instance runs it; the deletes are idempotent, so several at once only repeat empty work. A
// failure (database down) is logged and tried again at the next tick.
import { pruneSessions } from '@repo/auth';
import type { Database } from '@repo/db';
import type { Logger } from 'pino';

const FIRST_RUN_MS = 60_000;
const EVERY_MS = 3600_000;

export function startSessionPruner(db: Database, logger: Logger, now: () => Date): () => void {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= pruneSessions(db.prisma, now())
      .then(
        (pruned) => {
          if (pruned.sessions + pruned.refreshTokens > 0) logger.info(pruned, 'sessions pruned');
        },
        (error: unknown) => logger.warn({ err: error }, 'session pruning failed; will retry'),
      )
      .finally(() => (running = undefined));
  };
  const first = setTimeout(run, FIRST_RUN_MS).unref();
  const every = setInterval(run, EVERY_MS).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
