// WEB_CONCURRENCY: one Node process uses one core, so N > 1 runs N worker processes sharing the
// port through node:cluster; this primary only supervises them. Each worker is a complete,
// stateless server (its own pool, shared state in PostgreSQL), exactly like N instances behind a
// load balancer.
import cluster, { type Worker } from 'node:cluster';
import { ConfigError, type Config } from './env';
import type { Logger } from './logger';

/** True in the process that should supervise workers instead of serving. */
export function isClusterPrimary(config: Config): boolean {
  if (config.webConcurrency <= 1 || !cluster.isPrimary) return false;
  if (!config.databaseUrl) {
    // PGlite is an in-process database: a second process would open the same files.
    throw new ConfigError([
      'WEB_CONCURRENCY: must be 1 with the embedded database (PGlite is single-process); set DATABASE_URL to run several processes',
    ]);
  }
  return true;
}

export function superviseWorkers(config: Config, logger: Logger): void {
  const ready = new WeakSet<Worker>();
  let stopping = false;
  let failed = false;

  const fork = () =>
    cluster.fork().once('listening', function (this: Worker) {
      ready.add(this);
    });

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      failed ||= code !== 0;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    // A worker that never started would fail again (bad config, database down): stop instead of
    // looping. One that served and then died is replaced, as a process manager would.
    if (!ready.has(worker)) {
      logger.fatal({ worker: worker.process.pid, code, signal }, 'worker failed to start');
      stop(1);
      return;
    }
    logger.error({ worker: worker.process.pid, code, signal }, 'worker died; starting another');
    fork();
  });

  // Each worker drains its own in-flight requests on SIGTERM (main.ts); the primary waits for all.
  const stop = (exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    failed = exitCode !== 0;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker?.process.kill('SIGTERM');
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop());

  for (let i = 0; i < config.webConcurrency; i++) fork();
  logger.info({ workers: config.webConcurrency }, 'cluster primary started');
}
