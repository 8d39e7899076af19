// The live-sync guarantee as a property, on two real server processes sharing one PostgreSQL
// database: whatever the writes (every emitting procedure, issued through either instance) and
// however the two clients drop and reconnect (to either instance, with their last id), each
// client ends up with every event exactly once, in order, and the state it rebuilds from those
// events alone equals the database, row for row as byId (tag.list for tags) answers it.
import { createTestDatabase, testDatabaseUrl } from '@repo/db/testing';
import type { TestDatabase } from '@repo/db/testing';
import type { SyncEvent } from '@repo/validators';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from './helpers/auth-http';
import { type ServerPair, buildBundle, startServerPair } from './helpers/server-process';
import { type SyncClient, openSyncClient, trpcClient } from './helpers/sync-client';
import { applyEvent, emptyModel } from './helpers/sync-model';
import { TEST_JWT_SECRET } from './helpers/test-server';

const instance = fc.constantFrom(0, 1);
const pick = fc.nat({ max: 20 });
const step = fc.oneof(
  fc.record({
    do: fc.constant('taskCreate' as const),
    via: instance,
    tags: fc.array(pick, { maxLength: 2 }),
    recurring: fc.boolean(),
  }),
  fc.record({ do: fc.constant('taskUpdate' as const), via: instance, pick }),
  fc.record({ do: fc.constant('taskComplete' as const), via: instance, pick }),
  fc.record({ do: fc.constant('taskDelete' as const), via: instance, pick }),
  fc.record({ do: fc.constant('tagCreate' as const), via: instance }),
  fc.record({ do: fc.constant('tagRename' as const), via: instance, pick }),
  fc.record({ do: fc.constant('tagDelete' as const), via: instance, pick }),
  fc.record({ do: fc.constant('assetCreate' as const), via: instance }),
  fc.record({
    do: fc.constant('assetUpdate' as const),
    via: instance,
    pick,
    cents: fc.nat({ max: 1_000_000 }),
  }),
  fc.record({ do: fc.constant('assetDelete' as const), via: instance, pick }),
  fc.record({ do: fc.constant('disconnect' as const), client: instance }),
  fc.record({ do: fc.constant('reconnect' as const), client: instance, via: instance }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Unique tag names of lowercase letters only, so every collation sorts them alike. */
let names = 0;
const freshName = () => `tag${(++names).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[+d]!)}`;

describe.runIf(testDatabaseUrl)('live sync as a property, two server processes', () => {
  let db: TestDatabase;
  let removeBundle = () => {};
  let pair: ServerPair | undefined;
  beforeAll(async () => {
    const built = buildBundle();
    removeBundle = built.remove;
    db = await createTestDatabase('postgres');
    pair = await startServerPair(built.main, db.url!, TEST_JWT_SECRET);
  }, 60_000);
  afterAll(async () => {
    await pair?.close();
    await db?.close();
    removeBundle();
  });

  it('each client rebuilds the database from its events, every event once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const urls = pair!.urls;
        let written = 0;
        const me = (await register(urls[0], 'token')).data!;
        const writers = urls.map((url) => trpcClient(url, me.accessToken));
        const userId = me.user.id;
        const byId = { select: { id: true }, orderBy: { id: 'asc' } } as const;
        const taskIds = async () =>
          (await db.prisma.task.findMany({ where: { userId }, ...byId })).map((row) => row.id);
        const tagIds = async () =>
          (await db.prisma.tag.findMany({ where: { userId }, ...byId })).map((row) => row.id);
        const assetIds = async () =>
          (await db.prisma.asset.findMany({ where: { ownerId: userId }, ...byId })).map(
            (row) => row.id,
          );
        /** The `index`-th of `all` (wrapping), or undefined when there is none to act on. */
        const nth = <T>(all: T[], index: number) =>
          all.length === 0 ? undefined : all[index % all.length];

        // Two devices: each keeps every event it received, over all its connections.
        const devices = [0, 1].map(() => ({
          received: [] as { id: string; event: SyncEvent }[],
          live: null as SyncClient | null,
        }));
        const connect = async (device: (typeof devices)[number], via: number) => {
          const last = device.received.at(-1)?.id ?? '0';
          const { sync, connected } = openSyncClient(urls[via]!, me.accessToken, last);
          await connected;
          device.live = sync;
        };
        const disconnect = (device: (typeof devices)[number]) => {
          if (!device.live) return;
          device.live.close();
          device.received.push(...device.live.events);
          device.live = null;
        };
        // A start every run shares, so tag renames and deletes always meet tagged tasks.
        const [a, b] = writers as [(typeof writers)[0], (typeof writers)[0]];
        const first = await a.tag.create.mutate({ name: freshName() });
        const second = await b.tag.create.mutate({ name: freshName() });
        await a.task.create.mutate({ title: 'both tags', tagIds: [first.id, second.id] });
        await b.task.create.mutate({
          title: 'daily',
          tagIds: [second.id],
          recurrenceRule: 'FREQ=DAILY',
          dueDate: new Date('2026-01-05T08:00:00Z'),
        });
        try {
          await connect(devices[0]!, 0);
          await connect(devices[1]!, 1);
          for (const s of steps) await run(s);
          for (const device of devices) if (!device.live) await connect(device, 0);

          const head =
            (await db.prisma.syncCursor.findUnique({ where: { userId } }))?.lastEventId ?? 0n;
          const everyId = Array.from({ length: Number(head) }, (_, i) => String(i + 1));
          for (const device of devices) {
            const live = device.live!;
            await live.waitFor(everyId.length - device.received.length);
            // Anything extra (a duplicate) would arrive right behind.
            await new Promise((resolve) => setTimeout(resolve, 100));
            disconnect(device);
            expect(device.received.map((e) => e.id)).toEqual(everyId);
            const model = emptyModel();
            for (const { event } of device.received) applyEvent(model, event);

            const api = writers[0]!;
            const tasks = await taskIds();
            expect([...model.task.keys()].sort((x, y) => Number(x) - Number(y))).toEqual(tasks);
            for (const id of tasks)
              expect(model.task.get(id)).toEqual(await api.task.byId.query({ id }));
            const assets = await assetIds();
            expect([...model.asset.keys()].sort()).toEqual([...assets].sort());
            for (const id of assets)
              expect(model.asset.get(id)).toEqual(await api.asset.byId.query({ id }));
            const tags = await api.tag.list.query();
            expect([...model.tag.values()].sort((x, y) => Number(x.id) - Number(y.id))).toEqual(
              [...tags].sort((x, y) => x.id - y.id),
            );
          }
        } finally {
          for (const device of devices) device.live?.close();
        }

        async function run(s: Step) {
          if (s.do === 'disconnect') return disconnect(devices[s.client]!);
          if (s.do === 'reconnect') {
            const device = devices[s.client]!;
            disconnect(device);
            return connect(device, s.via);
          }
          const w = writers[s.via]!;
          switch (s.do) {
            case 'taskCreate': {
              const tags = await tagIds();
              const chosenTags = new Set(s.tags.map((i) => nth(tags, i)!));
              await w.task.create.mutate({
                title: `task ${++written}`,
                tagIds: tags.length === 0 ? [] : [...chosenTags],
                ...(s.recurring
                  ? { recurrenceRule: 'FREQ=DAILY', dueDate: new Date('2026-01-05T08:00:00Z') }
                  : {}),
              });
              return;
            }
            case 'taskUpdate': {
              const id = nth(await taskIds(), s.pick);
              if (id !== undefined)
                await w.task.update.mutate({ id, title: `edited ${++written}` });
              return;
            }
            case 'taskComplete': {
              const id = nth(await taskIds(), s.pick);
              if (id !== undefined) await w.task.toggleComplete.mutate({ id });
              return;
            }
            case 'taskDelete': {
              const id = nth(await taskIds(), s.pick);
              if (id !== undefined) await w.task.delete.mutate({ id });
              return;
            }
            case 'tagCreate':
              await w.tag.create.mutate({ name: freshName() });
              return;
            case 'tagRename': {
              const id = nth(await tagIds(), s.pick);
              if (id !== undefined) await w.tag.update.mutate({ id, name: freshName() });
              return;
            }
            case 'tagDelete': {
              const id = nth(await tagIds(), s.pick);
              if (id !== undefined) await w.tag.delete.mutate({ id });
              return;
            }
            case 'assetCreate':
              await w.asset.create.mutate({ name: `asset ${++written}` });
              return;
            case 'assetUpdate': {
              const id = nth(await assetIds(), s.pick);
              if (id !== undefined)
                await w.asset.update.mutate({ id, estimatedValueCents: s.cents });
              return;
            }
            case 'assetDelete': {
              const id = nth(await assetIds(), s.pick);
              if (id !== undefined) await w.asset.delete.mutate({ id });
              return;
            }
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 180_000);
});
