// sync.events through the router: every write emits, in commit order, exactly what byId answers;
// replay from lastEventId is exact; an unknown id answers resync; a user sees only their own.
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import { AppError } from '../errors';
import { createContextInner } from '../context';
import { appRouter } from '../root';
import type { TestUser } from '../testing/caller';
import { useTestApi } from '../testing/fixtures';
import { openSync } from '../testing/sync-reader';
import { createCallerFactory } from '../trpc';

describe.each(testEngines)('sync.events on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;
  beforeAll(async () => {
    me = await api.newUser('sync');
  });

  it('emits every write, in order, with what byId answers', async () => {
    // A fresh user's log is empty: resuming after '0' is resuming from the start.
    const stream = await openSync(me.caller, '0');
    const c = me.caller;
    const tag = await c.tag.create({ name: 'Home' });
    const task = await c.task.create({ title: 'Water plants', tagIds: [tag.id] });
    const edited = await c.task.update({ id: task.id, title: 'Water the plants' });
    const daily = await c.task.create({
      title: 'Stretch',
      recurrenceRule: 'FREQ=DAILY',
      dueDate: new Date('2026-01-05T08:00:00Z'),
    });
    const done = await c.task.toggleComplete({ id: daily.id });
    const renamed = await c.tag.update({ id: tag.id, name: 'House' });
    await c.tag.delete({ id: tag.id });
    await c.task.delete({ id: task.id });
    const asset = await c.asset.create({ name: 'Penny Black' });
    const valued = await c.asset.update({ id: asset.id, estimatedValueCents: 120_000 });
    await c.asset.delete({ id: asset.id });

    const seen = await stream.take(12);
    await stream.close();
    const next = (await c.task.list({ status: 'active' })).items.find((t) => t.title === 'Stretch');
    const none = { sessionId: null };
    expect(seen.map((s) => s.event)).toEqual([
      { op: 'upsert', entity: 'tag', id: tag.id, data: tag, ...none },
      { op: 'upsert', entity: 'task', id: task.id, data: task, ...none },
      { op: 'upsert', entity: 'task', id: task.id, data: edited, ...none },
      { op: 'upsert', entity: 'task', id: daily.id, data: daily, ...none },
      // Completing a recurring task: the completed one, then the next of its series.
      { op: 'upsert', entity: 'task', id: daily.id, data: done, ...none },
      {
        op: 'upsert',
        entity: 'task',
        id: next!.id,
        data: await c.task.byId({ id: next!.id }),
        ...none,
      },
      { op: 'upsert', entity: 'tag', id: tag.id, data: renamed, ...none },
      { op: 'delete', entity: 'tag', id: tag.id, ...none },
      { op: 'delete', entity: 'task', id: task.id, ...none },
      { op: 'upsert', entity: 'asset', id: asset.id, data: asset, ...none },
      { op: 'upsert', entity: 'asset', id: asset.id, data: valued, ...none },
      { op: 'delete', entity: 'asset', id: asset.id, ...none },
    ]);
    const ids = seen.map((s) => BigInt(s.id));
    expect(ids.slice(1).every((id, i) => id === ids[i]! + 1n)).toBe(true);
  });

  it("logs a new task's Dates as plain annotations, never as shared references", async () => {
    const user = await api.newUser('logged-form');
    const dueDate = new Date('2026-03-01T09:30:00.000Z');
    const task = await user.caller.task.create({ title: 'Plan', dueDate });
    const row = await api.db.prisma.syncEvent.findFirstOrThrow({
      where: { userId: user.user.id },
      orderBy: { id: 'desc' },
    });
    // createdAt and updatedAt are one instant; had they been one Date object, superjson would
    // log a referential equality (and loggedData would leave its fast path for superjson's).
    expect(row.data).toEqual({
      json: {
        ...task,
        dueDate: dueDate.toISOString(),
        createdAt: task.createdAt.toISOString(),
        updatedAt: task.updatedAt.toISOString(),
      },
      meta: { values: { dueDate: ['Date'], createdAt: ['Date'], updatedAt: ['Date'] }, v: 1 },
    });
  });

  it('replays exactly what followed lastEventId, in order, none twice', async () => {
    const user = await api.newUser('replay');
    const first = await openSync(user.caller, '0');
    await user.caller.tag.create({ name: 'a' });
    const [a] = await first.take(1);
    await first.close();
    // Disconnected: these happen while nobody listens.
    const b = await user.caller.tag.create({ name: 'b' });
    const t = await user.caller.task.create({ title: 'while away' });
    const again = await openSync(user.caller, a!.id);
    const replayed = await again.take(2);
    expect(replayed.map((s) => s.event)).toEqual([
      { op: 'upsert', entity: 'tag', id: b.id, data: b, sessionId: null },
      { op: 'upsert', entity: 'task', id: t.id, data: t, sessionId: null },
    ]);
    // Then live, with nothing repeated.
    const c = await user.caller.tag.create({ name: 'c' });
    const [live] = await again.take(1);
    expect(live!.event).toEqual({
      op: 'upsert',
      entity: 'tag',
      id: c.id,
      data: c,
      sessionId: null,
    });
    expect(BigInt(live!.id)).toBe(BigInt(replayed[1]!.id) + 1n);
    await again.close();
  });

  it.each(['garbage', '999999', '-1'])(
    'answers resync to lastEventId %s, then goes live',
    async (bad) => {
      const user = await api.newUser('resync');
      await user.caller.tag.create({ name: 'before' });
      const stream = await openSync(user.caller, bad);
      const [resync] = await stream.take(1);
      expect(resync).toEqual({ id: '1', event: { op: 'resync' } });
      const tag = await user.caller.tag.create({ name: 'after' });
      expect(await stream.take(1)).toEqual([
        { id: '2', event: { op: 'upsert', entity: 'tag', id: tag.id, data: tag, sessionId: null } },
      ]);
      await stream.close();
    },
  );

  it("carries only the caller's events", async () => {
    const alice = await api.newUser('alice');
    const bob = await api.newUser('bob');
    const bobs = await openSync(bob.caller, '0');
    await alice.caller.tag.create({ name: 'alice' });
    await alice.caller.task.create({ title: 'alice' });
    await alice.caller.asset.create({ name: 'alice' });
    const mine = await bob.caller.tag.create({ name: 'bob' });
    expect((await bobs.take(1)).map((s) => s.event)).toEqual([
      { op: 'upsert', entity: 'tag', id: mine.id, data: mine, sessionId: null },
    ]);
    await bobs.close();
  });

  it('ends with TOKEN_EXPIRED when the token expires', async () => {
    const createCaller = createCallerFactory(appRouter);
    const user = await api.newUser('expiry');
    const caller = createCaller(
      createContextInner({
        db: api.db,
        services: api.services,
        auth: {
          user: user.user,
          sessionId: null,
          expiresAt: new Date(api.clock.now().getTime() + 300),
        },
      }),
    );
    const stream = await openSync(caller, '0');
    api.clock.advance(301);
    // The stream wakes at the expiry it computed at its last wait; a write wakes it sooner.
    await user.caller.tag.create({ name: 'wake' });
    const [, error] = await Promise.all([stream.take(1), stream.ended()]);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).appCode).toBe('TOKEN_EXPIRED');
  });
});
