// Input PostgreSQL cannot store (NUL), dates beyond 1900-9999 and prototype-shaped metadata keys
// answer VALIDATION_ERROR with the field named and write nothing; an output failing its own
// schema is our bug (INTERNAL), never a client's VALIDATION_ERROR.
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import type { TestUser } from '../testing/caller';
import { errorOf } from '../testing/error-shape';
import { useTestApi } from '../testing/fixtures';
import { createCallerFactory, publicProcedure, router } from '../trpc';

const NUL = 'a\u0000b';

describe.each(testEngines)('hostile input on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;
  beforeAll(async () => {
    me = await api.newUser('hostile');
  });

  const refused = async (call: Promise<unknown>, field: string) =>
    expect(await errorOf(call)).toMatchObject({ status: 400, appCode: 'VALIDATION_ERROR', field });

  it('refuses NUL in every text a task, tag or asset stores or searches, writing nothing', async () => {
    const task = await me.caller.task.create({ title: 'plain' });
    await refused(me.caller.task.create({ title: NUL }), 'title');
    await refused(me.caller.task.create({ title: 't', description: NUL }), 'description');
    await refused(me.caller.task.update({ id: task.id, title: NUL }), 'title');
    await refused(me.caller.task.list({ q: NUL }), 'q');
    await refused(me.caller.tag.create({ name: NUL }), 'name');
    await refused(me.caller.asset.create({ name: NUL }), 'name');
    await refused(me.caller.asset.create({ name: 'n', tags: [NUL] }), 'tags.0');
    await refused(
      me.caller.asset.create({ name: 'n', metadata: { deep: [{ [NUL]: 1 }] } }),
      'metadata',
    );
    await refused(
      me.caller.asset.create({ name: 'n', metadata: { deep: [{ k: NUL }] } }),
      'metadata',
    );
    await refused(me.caller.asset.list({ q: NUL }), 'q');
    expect(await api.db.prisma.task.count({ where: { userId: me.user.id } })).toBe(1);
    expect(await api.db.prisma.asset.count({ where: { ownerId: me.user.id } })).toBe(0);
    expect(await api.db.prisma.tag.count({ where: { userId: me.user.id } })).toBe(0);
  });

  it('refuses a year +275760 due date, so the list it would have broken still reads', async () => {
    await refused(me.caller.task.create({ title: 'far', dueDate: new Date(8.64e15) }), 'dueDate');
    await refused(
      me.caller.task.create({ title: 'far', dueDate: '+275760-09-13T00:00:00.000Z' }),
      'dueDate',
    );
    await refused(me.caller.task.list({ dueBefore: new Date(-8.64e15) }), 'dueBefore');
    const edge = await me.caller.task.create({
      title: 'edge',
      dueDate: '9999-12-31T23:59:59.999Z',
    });
    expect(edge.dueDate).toEqual(new Date('9999-12-31T23:59:59.999Z'));
    const page = await me.caller.task.list({ sort: 'dueDate' });
    expect(page.items.map((t) => t.title)).toContain('edge');
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a %s key in metadata',
    async (key) => {
      const metadata = JSON.parse(`{"${key}":{"polluted":true}}`) as Record<string, unknown>;
      await refused(me.caller.asset.create({ name: 'n', metadata }), 'metadata');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('answers tasks with their owner, as assets carry ownerId', async () => {
    const task = await me.caller.task.create({ title: 'mine' });
    expect(task.userId).toBe(me.user.id);
    expect((await me.caller.task.byId({ id: task.id })).userId).toBe(me.user.id);
    expect((await me.caller.task.list({})).items.every((t) => t.userId === me.user.id)).toBe(true);
  });
});

describe('an output that fails its schema', () => {
  const broken = router({
    wrongShape: publicProcedure
      .output(z.object({ count: z.number() }))
      .query(() => ({ count: 'not a number' }) as unknown as { count: number }),
  });

  it('answers INTERNAL (500) with no detail, not VALIDATION_ERROR', async () => {
    const caller = createCallerFactory(broken)({} as never);
    expect(await errorOf(caller.wrongShape())).toEqual({
      status: 500,
      appCode: 'INTERNAL',
      field: undefined,
      retryAfter: undefined,
      message: 'Internal server error',
    });
  });
});
