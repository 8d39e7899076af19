// The setup of the list-plan tests: on PostgreSQL, a fresh database where one owner has 10,000
// rows and another user 500 (so the owner filter has something to skip), a query probe over it,
// and the owner's caller. Filled in by the describe block's beforeAll: read in hooks and tests.
import type { Database } from '@repo/db';
import { type TestDatabase, createTestDatabase } from '@repo/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { type Caller, createTestApi } from './caller';
import { type QueryProbe, createQueryProbe } from './explain';

type Seed = (db: Database, userId: string, count: number, now: Date) => Promise<unknown>;

export interface PlanProbe {
  db: TestDatabase;
  probe: QueryProbe;
  /** The owner of the 10,000 rows. */
  caller: Caller;
}

export function usePlanProbe(seed: Seed): PlanProbe {
  const fixture = {} as PlanProbe;
  beforeAll(async () => {
    const db = await createTestDatabase('postgres');
    const probe = createQueryProbe(db);
    Object.assign(fixture, { db, probe });
    const api = createTestApi(probe.db);
    const owner = await api.newUser('plan');
    fixture.caller = owner.caller;
    await seed(db, (await api.newUser('other')).user.id, 500, api.clock.now());
    await seed(db, owner.user.id, 10_000, api.clock.now());
  });
  afterAll(async () => {
    await fixture.probe?.close();
    await fixture.db?.close();
  });
  return fixture;
}
