// A stream whose next ids have vanished from the log (pruned while it lagged behind the
// retention) must say resync, not skip them silently: ids are dense per user, so any jump past
// the cursor, before the first event read or inside a batch, is a loss the client has to know of.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { type TestApi, createTestApi } from '../testing/caller';
import { openSync } from '../testing/sync-reader';
import { appendChanges } from './append';

const deleted = (id: number) => ({ op: 'delete', entity: 'task', id }) as const;

describe.each(testEngines)('a gap in the ids a stream reads, on %s', (engine) => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    api = createTestApi(db);
  });
  afterAll(() => db?.close());

  it.each([
    // Event 2 gone: the first event after the cursor (1) is 3.
    { lost: [2n], before: [] },
    // Event 3 gone: 2 is delivered, then the jump from 2 to 4 inside the same batch.
    { lost: [3n], before: ['2'] },
  ])(
    'after losing ids $lost, delivers $before then resync at the head',
    async ({ lost, before }) => {
      const { user, caller } = await api.newUser('gap');
      const actor = { userId: user.id, sessionId: null };
      const stream = await openSync(caller, '0');
      await db.prisma.$transaction((tx) => appendChanges(tx, actor, [deleted(1)]));
      api.services.syncBus.announce({ type: 'events', userId: user.id, lastEventId: '1' });
      // Live at cursor 1, past the resume check a reconnect would make.
      expect((await stream.take(1)).map((s) => s.id)).toEqual(['1']);
      // Appended without a wake-up, then partly lost, before the stream reads them.
      await db.prisma.$transaction((tx) =>
        appendChanges(tx, actor, [deleted(2), deleted(3), deleted(4)]),
      );
      await db.prisma.syncEvent.deleteMany({ where: { userId: user.id, id: { in: lost } } });
      api.services.syncBus.announce({ type: 'events', userId: user.id, lastEventId: '4' });

      const seen = await stream.take(before.length + 1);
      expect(seen).toEqual([
        ...before.map((id) => ({
          id,
          event: { op: 'delete', entity: 'task', id: Number(id), sessionId: null },
        })),
        { id: '4', event: { op: 'resync' } },
      ]);
      // Live events follow the resync, from the head on.
      const tag = await caller.tag.create({ name: 'after the gap' });
      expect(await stream.take(1)).toEqual([
        { id: '5', event: { op: 'upsert', entity: 'tag', id: tag.id, data: tag, sessionId: null } },
      ]);
      await stream.close();
    },
  );
});
