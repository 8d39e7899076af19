// A fresh database per run on the given PostgreSQL server, migrated with the project's own runner,
// so every run starts from the same state and nothing is left behind (the same scratch databases
// the tests use, @repo/db/testing).
import { createDatabase, migrate } from '@repo/db';
import { type ScratchDatabase, createScratchDatabase } from '@repo/db/testing';

export type BenchDatabase = ScratchDatabase;

export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const scratch = await createScratchDatabase(serverUrl, 'bench');
  const db = createDatabase({ databaseUrl: scratch.url, poolSize: 1 });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    await scratch.drop();
    throw error;
  }
  await db.close();
  return scratch;
}
