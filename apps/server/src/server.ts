// Starting and stopping one server process: database, migrations, HTTP listener, and the
// orderly shutdown that main.ts runs on SIGTERM/SIGINT. Tests call it in-process.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Services } from '@repo/api';
import { type Database, createDatabase, migrate } from '@repo/db';
import { createApp } from './app';
import type { Config } from './env';
import { gracefulClose } from './http/graceful-close';
import { type Logger, createLogger } from './logger';
import { createReadinessCheck } from './readiness';
import { type ServerServices, createServices } from './services';
import { startPruning } from './sync/prune';

export interface ServerDeps {
  /** A database the caller owns (tests); otherwise one is created from the config and closed on stop. */
  db?: Database;
  logger?: Logger;
  services?: Services;
  /** Where migrations are read from; the bundle passes its own copy. Default: prisma/migrations. */
  migrationsDir?: string | undefined;
  /** How long in-flight requests may take to finish on close. */
  shutdownTimeoutMs?: number;
  /** The built web app served at `/` (null: none); default: found next to the bundle. */
  webAppDir?: string | null;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  db: Database;
  logger: Logger;
  /** Stops accepting, waits for in-flight requests (bounded), then closes an owned database. */
  close(): Promise<void>;
}

export async function startServer(config: Config, deps: ServerDeps = {}): Promise<RunningServer> {
  const logger = deps.logger ?? createLogger(config);
  const db =
    deps.db ??
    createDatabase({
      databaseUrl: config.databaseUrl,
      poolSize: config.databasePoolSize,
      pgliteDir: join(config.dataDir, 'pglite'),
    });
  const closeDb = deps.db ? async () => {} : () => db.close();

  // Services made here hold their own connections (rate-limit store); they are closed with us.
  let ownedServices: ServerServices | undefined;
  let server;
  try {
    if (config.migrateOnStart) {
      await migrate(db, {
        migrationsDir: deps.migrationsDir,
        onApplied: (migration, ms) => logger.info({ migration, ms }, 'migration applied'),
      });
    }
    const services = deps.services ?? (ownedServices = createServices({ config, db, logger }));
    const checkReadiness = createReadinessCheck({ db, logger, migrationsDir: deps.migrationsDir });
    server = createApp({ config, db, services, logger, checkReadiness, webAppDir: deps.webAppDir });
    await listen(server, config.port, config.host);
  } catch (error) {
    await ownedServices?.close();
    await closeDb();
    throw error;
  }

  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  const closer = gracefulClose(server);
  const stopPruning = startPruning(db, config.syncRetentionHours, logger);
  let closing: Promise<void> | undefined;

  return {
    url: `http://${host}:${port}`,
    port,
    db,
    logger,
    close() {
      closing ??= (async () => {
        logger.info('shutting down');
        stopPruning();
        const forced = await closer.close(deps.shutdownTimeoutMs ?? 10_000);
        if (forced) logger.warn('shutdown deadline passed; open connections were closed');
        await ownedServices?.close();
        await closeDb();
        logger.info('stopped');
      })();
      return closing;
    },
  };
}

function listen(server: ReturnType<typeof createApp>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
