// A node-postgres pool whose connections can die at any moment without crashing the process.
// pg-pool listens for 'error' only on IDLE clients; a checked-out client that is between
// queries (or was just handed out: a startup reply and a termination notice can arrive in the
// same TCP chunk, before the caller's `await pool.connect()` resumes) emits 'error' with no
// listener, which Node turns into an uncaught exception. Every client gets its own listener for
// its whole life; errors of a running query still reach that query, and pg-pool drops clients
// that are no longer queryable.
import pg from 'pg';

export interface ConnectionLog {
  failed(error: unknown): void;
  recovered(): void;
}

export function createPgPool(config: pg.PoolConfig, log: ConnectionLog): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', (error) => log.failed(error));
  pool.on('connect', (client) => {
    client.on('error', (error) => log.failed(error));
    log.recovered();
  });
  return pool;
}
