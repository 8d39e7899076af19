// The process entry: configuration, start, and shutdown on SIGTERM/SIGINT. `startServer` lives in
// server.ts, so tests run the same start-up in-process without importing this file's side effects.
import { setPasswordHashQueueMax, setPasswordHashThreads } from '@repo/auth';
import { ConfigError, loadConfig } from './env';
import { bundledMigrationsDir } from './bundled-migrations';
import { isClusterPrimary, superviseWorkers } from './cluster';
import { createLogger } from './logger';
import { startServer } from './server';

function loadConfigOrExit() {
  try {
    const config = loadConfig();
    return { config, primary: isClusterPrimary(config) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

const { config, primary } = loadConfigOrExit();
// WEB_CONCURRENCY > 1: this process only supervises; the forked workers run the code below.
if (primary) superviseWorkers(config, createLogger(config));
else await serve();

async function serve(): Promise<void> {
  setPasswordHashThreads(config.passwordHashThreads);
  setPasswordHashQueueMax(config.passwordHashQueueMax);
  const running = await startServer(config, { migrationsDir: bundledMigrationsDir() }).catch(
    (error: unknown) => {
      process.stderr.write(
        `Server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );

  process.stdout.write(`Server ready at ${running.url}\n`);

  // A second signal during shutdown falls through to Node's default and ends the process at once.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      running.logger.info({ signal }, 'signal received');
      running.close().then(
        () => process.exit(0),
        (error: unknown) => {
          running.logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}
