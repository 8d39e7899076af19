// sync.events over real HTTP: @trpc/client's httpSubscriptionLink and Node's EventSource, against
// one server on PGlite and two servers (each with its own pool and LISTEN connection) on one
// PostgreSQL database: a write on one is delivered by the other; revocation on one ends the
// stream on the other; isolation holds across instances.
import { testDatabaseUrl } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from './helpers/auth-http';
import { openSyncClient, trpcClient } from './helpers/sync-client';
import {
  type OtherInstance,
  type TestServer,
  startOtherInstance,
  startTestServer,
} from './helpers/test-server';

// Whichever session made the change: these users each have one.
const aSession = expect.any(String) as unknown as string;

const setups = [
  { name: 'PGlite, one server', engine: 'pglite' as const, instances: 1 },
  ...(testDatabaseUrl
    ? [{ name: 'PostgreSQL, two servers', engine: 'postgres' as const, instances: 2 }]
    : []),
];

describe.each(setups)('sync.events over HTTP on $name', ({ engine, instances }) => {
  let first: TestServer;
  let other: OtherInstance | undefined;
  let otherUrl: string;
  beforeAll(async () => {
    first = await startTestServer({ engine });
    otherUrl = first.url;
    if (instances === 2) {
      other = await startOtherInstance(first);
      otherUrl = other.url;
    }
  });
  afterAll(async () => {
    await other?.close();
    await first?.close();
  });

  const signUp = async (url: string) => (await register(url, 'token')).data!;

  it('delivers a write made on one instance to a stream on the other, then replays after a disconnect', async () => {
    const me = await signUp(first.url);
    const { sync, connected } = openSyncClient(otherUrl, me.accessToken, '0');
    await connected;
    const writer = trpcClient(first.url, me.accessToken);
    const tag = await writer.tag.create.mutate({ name: 'Home' });
    const task = await writer.task.create.mutate({ title: 'Live', tagIds: [tag.id] });
    await sync.waitFor(2);
    expect(sync.events.map((e) => e.event)).toEqual([
      { op: 'upsert', entity: 'tag', id: tag.id, data: tag, sessionId: aSession },
      { op: 'upsert', entity: 'task', id: task.id, data: task, sessionId: aSession },
    ]);
    sync.close();
    // Missed while away, replayed exactly from the last id seen.
    const asset = await writer.asset.create.mutate({ name: 'Coin' });
    await writer.task.delete.mutate({ id: task.id });
    const again = openSyncClient(otherUrl, me.accessToken, sync.events[1]!.id);
    await again.sync.waitFor(2);
    expect(again.sync.events.map((e) => e.event)).toEqual([
      { op: 'upsert', entity: 'asset', id: asset.id, data: asset, sessionId: aSession },
      { op: 'delete', entity: 'task', id: task.id, sessionId: aSession },
    ]);
    again.sync.close();
  });

  it('answers resync to an unknown lastEventId', async () => {
    const me = await signUp(first.url);
    const { sync } = openSyncClient(otherUrl, me.accessToken, 'not-an-id');
    await sync.waitFor(1);
    expect(sync.events).toEqual([{ id: '0', event: { op: 'resync' } }]);
    sync.close();
  });

  it("carries only the caller's events, whichever instance wrote them", async () => {
    const alice = await signUp(first.url);
    const bob = await signUp(first.url);
    const { sync, connected } = openSyncClient(otherUrl, bob.accessToken, '0');
    await connected;
    const a = trpcClient(first.url, alice.accessToken);
    await a.tag.create.mutate({ name: 'a' });
    await a.task.create.mutate({ title: 'a' });
    await a.asset.create.mutate({ name: 'a' });
    const mine = await trpcClient(first.url, bob.accessToken).tag.create.mutate({ name: 'b' });
    await sync.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sync.events.map((e) => e.event)).toEqual([
      { op: 'upsert', entity: 'tag', id: mine.id, data: mine, sessionId: aSession },
    ]);
    sync.close();
  });

  it('ends the stream with UNAUTHORIZED within 2 s when its session is revoked on the other instance', async () => {
    const me = await signUp(first.url);
    const { sync, connected } = openSyncClient(otherUrl, me.accessToken, '0');
    await connected;
    const started = Date.now();
    await trpcClient(first.url, me.accessToken).auth.logout.mutate({
      refreshToken: me.refreshToken,
    });
    const error = (await sync.waitForError(4000)) as { data?: { appCode?: string } };
    expect(Date.now() - started).toBeLessThan(2000 + 1000);
    expect(error.data?.appCode).toBe('INVALID_TOKEN');
    sync.close();
  });
});
