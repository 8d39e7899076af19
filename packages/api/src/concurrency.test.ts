// One optimistic-concurrency rule for tasks and assets (concurrency.ts), under 8 real concurrent
// writers on PostgreSQL (PGlite runs one statement at a time, so it cannot race): without a
// version every write lands; with a stale one, exactly the stale writers get CONFLICT.
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import { AppError } from './errors';
import type { TestUser } from './testing/caller';
import { useTestApi } from './testing/fixtures';

const WRITERS = 8;

const settle = <T>(calls: Promise<T>[]) =>
  Promise.all(
    calls.map((call) =>
      call.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
    ),
  );

const codes = (outcomes: ({ value: unknown } | { error: unknown })[]) =>
  outcomes.map((o) =>
    'error' in o ? (o.error instanceof AppError ? o.error.appCode : 'THROWN') : 'OK',
  );

// PostgreSQL only (TEST_DATABASE_URL); skipped, not failed, without it.
describe.runIf(testEngines.includes('postgres'))('optimistic concurrency on PostgreSQL', () => {
  const api = useTestApi('postgres', { poolSize: WRITERS + 2 });
  let me: TestUser;
  beforeAll(async () => {
    me = await api.newUser('occ');
  });

  it('asset.update: 8 writers without a version all land, each moving updatedAt forward', async () => {
    const asset = await me.caller.asset.create({ name: 'raced' });
    const outcomes = await settle(
      Array.from({ length: WRITERS }, (_, i) =>
        me.caller.asset.update({ id: asset.id, name: `w${i}` }),
      ),
    );
    expect(codes(outcomes)).toEqual(Array(WRITERS).fill('OK'));
    const stamps = outcomes.map((o) => ('value' in o ? o.value.updatedAt.getTime() : 0));
    expect(new Set(stamps).size).toBe(WRITERS);
    const last = Math.max(...stamps);
    expect((await me.caller.asset.byId({ id: asset.id })).updatedAt.getTime()).toBe(last);
  });

  it('task.update: 8 writers without a version all land, each moving updatedAt forward', async () => {
    const task = await me.caller.task.create({ title: 'raced' });
    const outcomes = await settle(
      Array.from({ length: WRITERS }, (_, i) =>
        me.caller.task.update({ id: task.id, title: `w${i}` }),
      ),
    );
    expect(codes(outcomes)).toEqual(Array(WRITERS).fill('OK'));
    expect(
      new Set(outcomes.map((o) => ('value' in o ? o.value.updatedAt.getTime() : 0))).size,
    ).toBe(WRITERS);
  });

  it.each(['asset', 'task'] as const)(
    '%s.update: of 8 writers, exactly the 4 stale ones get CONFLICT',
    async (kind) => {
      const { id, updatedAt: stale } =
        kind === 'asset'
          ? await me.caller.asset.create({ name: 'v1' })
          : await me.caller.task.create({ title: 'v1' });
      // Move on once, so `stale` is out of date before the race starts.
      const update = (patch: { expectedUpdatedAt?: Date }, i: number): Promise<unknown> =>
        kind === 'asset'
          ? me.caller.asset.update({ id: id as string, name: `w${i}`, ...patch })
          : me.caller.task.update({ id: id as number, title: `w${i}`, ...patch });
      await update({}, -1);
      const outcomes = await settle(
        Array.from({ length: WRITERS }, (_, i) =>
          update(i % 2 === 0 ? { expectedUpdatedAt: stale } : {}, i),
        ),
      );
      expect(codes(outcomes)).toEqual(
        Array.from({ length: WRITERS }, (_, i) => (i % 2 === 0 ? 'CONFLICT' : 'OK')),
      );
    },
  );
});
