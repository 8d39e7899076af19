// A fresh database per run on the given PostgreSQL server, migrated with the project's own runner,
// so every run starts from the same state and nothing is left behind.
import { randomBytes } from 'node:crypto';
import { createDatabase, migrate } from '@repo/db';
import pg from 'pg';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `bench_${stamp}_${randomBytes(3).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabaseName(serverUrl, name);

  const db = createDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  return {
    name,
    url,
    // FORCE: a server that did not shut down cleanly must not keep the database alive.
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
