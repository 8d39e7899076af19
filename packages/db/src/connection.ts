// The smallest SQL surface both engines share, for the work Prisma's client does not do:
// migrations, advisory locks, readiness probes and test-database management.
export interface SqlConnection {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (a migration file). */
  exec(script: string): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';
