// One factory for the Prisma client: embedded PGlite when no DATABASE_URL is given, a pooled
// PostgreSQL connection through @prisma/adapter-pg when one is.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Engine, SqlConnection } from './connection';
import { type ConnectionLog, createPgPool } from './pg-pool';
import { createStatementNamer } from './statement-names';
import { type Prisma, PrismaClient } from './generated/prisma/client';

export interface Database {
  readonly prisma: PrismaClient;
  readonly engine: Engine;
  /**
   * One statement on any pooled connection, for the hot reads written in SQL (a task page, the
   * live-sync log): a named prepared statement on PostgreSQL, like Prisma's (statement-names.ts),
   * so each connection plans a text once. Values are bound, never spliced into the text.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `fn` on one dedicated connection, so session state (advisory locks) holds across it. */
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  /** The pool's connections now (PostgreSQL; PGlite has one in-process connection). */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  /** Requests queued for a connection. */
  waiting: number;
}

/** A request waits at most this long for a connection: an unreachable server answers, not hangs. */
const CONNECT_TIMEOUT_MS = 5_000;

export interface DatabaseOptions {
  /** postgres:// or postgresql:// URL; absent means embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or 'memory' for a throw-away in-memory database. */
  pgliteDir?: string | undefined;
  /**
   * A `PGlite.dumpDataDir()` tarball to start an in-memory database from. Tests use one to skip
   * PGlite's initdb, which costs seconds per database.
   */
  pgliteTemplate?: Blob | undefined;
  /** Maximum pooled PostgreSQL connections per process. */
  poolSize?: number | undefined;
  /**
   * Sees every SQL statement Prisma sends and every `query` (PostgreSQL): tests capture them to
   * EXPLAIN them.
   */
  onQuery?: ((event: Prisma.QueryEvent) => void) | undefined;
  /**
   * Hears the pool's idle connections failing (their server went away) and new ones connecting
   * (PostgreSQL); without it the failures go to the console.
   */
  connectionLog?: ConnectionLog | undefined;
}

export type { ConnectionLog } from './pg-pool';

const consoleConnectionLog: ConnectionLog = {
  failed: (error) => console.warn('database pool: idle connection failed:', error),
  recovered: () => {},
};

export function createDatabase(options: DatabaseOptions): Database {
  return options.databaseUrl
    ? createPostgresDatabase(
        options.databaseUrl,
        options.poolSize ?? 10,
        options.onQuery,
        options.connectionLog ?? consoleConnectionLog,
      )
    : createPgliteDatabase(options.pgliteDir ?? 'memory', options.pgliteTemplate);
}

function createPostgresDatabase(
  url: string,
  poolSize: number,
  onQuery: DatabaseOptions['onQuery'],
  connectionLog: ConnectionLog,
): Database {
  const pool = createPgPool(
    { connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
    connectionLog,
  );
  // Named statements: each pooled connection parses and plans a query once (statement-names.ts).
  const statementName = createStatementNamer();
  const adapter = new PrismaPg(pool, { statementNameGenerator: statementName });
  const prisma = onQuery
    ? withQueryEvents(
        new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }),
        onQuery,
      )
    : new PrismaClient({ adapter });
  return {
    prisma,
    engine: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async query<Row>(sql: string, params: unknown[] = []) {
      const started = Date.now();
      const result = await pool.query({ name: statementName({ sql }), text: sql, values: params });
      onQuery?.(queryEvent(sql, params, started));
      return result.rows as Row[];
    },
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async <Row>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)).rows as Row[],
          exec: async (script) => {
            await client.query(script);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

// Query events are typed only on a client declared with them; callers see a plain client.
function withQueryEvents(
  prisma: PrismaClient<'query'>,
  onQuery: (event: Prisma.QueryEvent) => void,
): PrismaClient {
  prisma.$on('query', onQuery);
  return prisma;
}

// The shape Prisma's own query events have, so one listener reads both.
const queryEvent = (sql: string, params: unknown[], started: number): Prisma.QueryEvent => ({
  timestamp: new Date(started),
  query: sql,
  params: JSON.stringify(params),
  duration: Date.now() - started,
  target: 'Database.query',
});

function createPgliteDatabase(dir: string, template: Blob | undefined): Database {
  if (dir !== 'memory') mkdirSync(dir, { recursive: true });
  const pglite = new PGlite({
    dataDir: dir === 'memory' ? undefined : dir,
    loadDataDir: dir === 'memory' ? template : undefined,
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const query: SqlConnection['query'] = async (sql, params) =>
    (await pglite.query(sql, params)).rows as never[];
  const conn: SqlConnection = {
    query,
    exec: async (script) => {
      await pglite.exec(script);
    },
  };
  return {
    prisma,
    engine: 'pglite',
    query,
    // PGlite is a single connection: every caller already shares its session.
    withConnection: (fn) => fn(conn),
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
