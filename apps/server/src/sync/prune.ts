// Live-sync retention: every few minutes, events older than SYNC_RETENTION_HOURS are deleted in
// small batches (short locks; see pruneEvents). Streams resuming before them are told to resync.
// Each instance prunes; deleting what another already deleted costs one cheap empty query.
import { pruneEvents } from '@repo/api';
import type { Database } from '@repo/db';
import type { Logger } from 'pino';

const EVERY_MS = 5 * 60_000;

export function startPruning(db: Database, retentionHours: number, logger: Logger): () => void {
  const prune = () => {
    const before = new Date(Date.now() - retentionHours * 3_600_000);
    pruneEvents(db.prisma, before).then(
      (deleted) => deleted > 0 && logger.info({ deleted }, 'sync events pruned'),
      (err: unknown) => logger.warn({ err }, 'sync event pruning failed; retrying later'),
    );
  };
  const first = setTimeout(prune, 10_000);
  const timer = setInterval(prune, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
