// The primary of a bench baseline server: forks the workers, says when all of them listen, and
// stops the whole server if one dies (a worker lost mid-run would silently halve a baseline).
import cluster from 'node:cluster';

/** Runs `serve` in this process (one worker) or in `workers` forked ones; `name` is for logs. */
export async function runClustered(
  name: string,
  env: { workers: number; port: number },
  serve: () => Promise<void>,
): Promise<void> {
  if (!cluster.isPrimary || env.workers <= 1) return serve();
  let listening = 0;
  let stopping = false;
  for (let i = 0; i < env.workers; i++) cluster.fork();
  cluster.on('listening', () => {
    if (++listening === env.workers) console.log(`${name} listening on ${env.port}`);
  });
  cluster.on('exit', (_worker, code, signal) => {
    if (!stopping) {
      console.error(`${name} worker exited (${signal ?? code}); stopping`);
      process.exit(1);
    }
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
