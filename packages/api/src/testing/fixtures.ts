// The setup every database-backed router test file starts with, in one place: for the enclosing
// `describe` block, a fresh migrated database on `engine` and a test API over it (beforeAll),
// closed afterwards (afterAll). The fixture's fields exist once its beforeAll has run, so read
// them inside hooks and tests, never while the describe block is being collected.
import type { Engine } from '@repo/db';
import { type TestDatabase, createTestDatabase } from '@repo/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { type AuthHarness, createAuthHarness } from './auth-harness';
import { type TestApi, createTestApi } from './caller';

type WithDatabase<T> = T & { db: TestDatabase };

function useDatabaseFixture<T extends object>(
  engine: Engine,
  poolSize: number | undefined,
  build: (db: TestDatabase) => T,
): WithDatabase<T> {
  let db: TestDatabase | undefined;
  let fixture: WithDatabase<T> | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(engine, poolSize);
    fixture = { ...build(db), db };
  });
  afterAll(() => db?.close());
  return new Proxy({} as WithDatabase<T>, {
    get(_target, key) {
      if (!fixture) throw new Error(`test fixture read before its beforeAll ran: ${String(key)}`);
      return fixture[key as keyof WithDatabase<T>];
    },
  });
}

/** Signed-in callers without the token round trip (testing/caller.ts). */
export function useTestApi(
  engine: Engine,
  options: { poolSize?: number } = {},
): WithDatabase<TestApi> {
  return useDatabaseFixture(engine, options.poolSize, (db) => createTestApi(db));
}

/** Callers as HTTP requests make them, through real tokens (testing/auth-harness.ts). */
export function useAuthHarness(
  engine: Engine,
  options: Parameters<typeof createAuthHarness>[1] = {},
): WithDatabase<AuthHarness> {
  return useDatabaseFixture(engine, undefined, (db) => createAuthHarness(db, options));
}
