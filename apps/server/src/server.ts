// Starting and stopping one server process: database, migrations, HTTP listener, and the
// orderly shutdown that main.ts runs on SIGTERM/SIGINT. Tests call it in-process.
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Services } from '@repo/api';
import { type Database, createDatabase, migrate } from '@repo/db';
import { createApp } from './app';
import type { Config } from './env';
import { gracefulClose } from './http/graceful-close';
import { type Logger, createLogger } from './logger';
import { connectionErrorLog } from './ops/connection-errors';
import { observePool } from './ops/metrics';
import { startSessionPruner } from './ops/session-pruner';
import { ShutdownHooks } from './ops/shutdown';
import { type ReadinessResult, createReadinessCheck } from './readiness';
import { type ServerServices, createServices } from './services';
import { startPruning } from './sync/prune';

export interface ServerDeps {
  /** A database the caller owns (tests); otherwise one is created from the config and closed on stop. */
  db?: Database;
  logger?: Logger;
  services?: Services;
  /** Where migrations are read from; the bundle passes its own copy. Default: prisma/migrations. */
  migrationsDir?: string | undefined;
  /** The built web app served at `/` (null: none); default: found next to the bundle. */
  webAppDir?: string | null;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  /** The listening HTTP server (tests count its connections). */
  httpServer: Server;
  db: Database;
  logger: Logger;
  /** Hooks run as soon as shutdown begins (live-sync streams end there); see ops/shutdown.ts. */
  onShutdown: ShutdownHooks;
  /**
   * Readiness 503, hooks, stop accepting, in-flight requests finished (up to
   * SHUTDOWN_GRACE_SECONDS), then services and an owned database closed.
   */
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
      connectionLog: connectionErrorLog(logger, 'database pool'),
    });
  const closeDb = deps.db ? async () => {} : () => db.close();

  // Services made here hold their own connections (rate-limit store); they are closed with us.
  let ownedServices: ServerServices | undefined;
  const onShutdown = new ShutdownHooks();
  let server;
  try {
    if (config.migrateOnStart) {
      await migrate(db, {
        migrationsDir: deps.migrationsDir,
        onApplied: (migration, ms) => logger.info({ migration, ms }, 'migration applied'),
      });
    }
    const services = deps.services ?? (ownedServices = createServices({ config, db, logger }));
    // Live-sync streams would hold the drain open until its deadline: they end as it begins.
    onShutdown.add(() => services.syncBus.endLocalStreams());
    const checkDatabase = createReadinessCheck({ db, logger, migrationsDir: deps.migrationsDir });
    const checkReadiness = (): Promise<ReadinessResult> =>
      onShutdown.draining
        ? Promise.resolve({ ready: false, reason: 'shutting down' })
        : checkDatabase();
    server = createApp({
      config,
      db,
      services,
      logger,
      checkReadiness,
      onShutdown,
      webAppDir: deps.webAppDir,
    });
    await listen(server, config.port, config.host);
  } catch (error) {
    await ownedServices?.close();
    await closeDb();
    throw error;
  }

  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  // While draining, keep-alive clients are told to reconnect (through the balancer, elsewhere).
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (onShutdown.draining) res.setHeader('connection', 'close');
  });
  const closer = gracefulClose(server);
  const stopPruning = startPruning(db, config.syncRetentionHours, logger);
  const unobservePool = observePool(db);
  const stopPruner = startSessionPruner(db, logger, () => new Date());
  let closing: Promise<void> | undefined;

  return {
    url: `http://${host}:${port}`,
    port,
    httpServer: server,
    db,
    logger,
    onShutdown,
    close() {
      closing ??= (async () => {
        logger.info('shutting down');
        stopPruning();
        await onShutdown.begin((error) => logger.error({ err: error }, 'shutdown hook failed'));
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDelaySeconds * 1000));
        const forced = await closer.close(config.shutdownGraceSeconds * 1000);
        if (forced) logger.warn('shutdown deadline passed; open connections were closed');
        unobservePool();
        stopPruner();
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
