// sync.events across two real server processes (the built bundle, spawned twice) on one
// PostgreSQL database: nothing shared but the database, so fan-out can only be its NOTIFY. A
// write on A reaches a stream on B; a client that left B catches up exactly on A; a revocation on
// A ends the stream on B within 2 s.
import { createTestDatabase, testDatabaseUrl } from '@repo/db/testing';
import type { TestDatabase } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from './helpers/auth-http';
import { type ServerPair, buildBundle, startServerPair } from './helpers/server-process';
import { openSyncClient, trpcClient } from './helpers/sync-client';
import { TEST_JWT_SECRET } from './helpers/test-server';

// Whichever session made the change: each user here has one.
const aSession = expect.any(String) as unknown as string;

describe.runIf(testDatabaseUrl)('sync.events between two server processes', () => {
  let db: TestDatabase;
  let removeBundle = () => {};
  let pair: ServerPair | undefined;
  let a: string;
  let b: string;
  beforeAll(async () => {
    const built = buildBundle();
    removeBundle = built.remove;
    db = await createTestDatabase('postgres');
    pair = await startServerPair(built.main, db.url!, TEST_JWT_SECRET);
    [a, b] = pair.urls;
  }, 60_000);
  afterAll(async () => {
    await pair?.close();
    await db?.close();
    removeBundle();
  });

  const signUp = async (url: string) => (await register(url, 'token')).data!;

  it('runs two processes, not one', () => {
    expect(new Set(pair!.children.map((child) => child.process.pid)).size).toBe(2);
    expect(a).not.toBe(b);
  });

  it('delivers a write on A to a stream on B, and replays on A what B missed', async () => {
    const me = await signUp(a);
    const onB = openSyncClient(b, me.accessToken, '0');
    await onB.connected;
    const writerA = trpcClient(a, me.accessToken);
    const tag = await writerA.tag.create.mutate({ name: 'Home' });
    const task = await writerA.task.create.mutate({ title: 'Live', tagIds: [tag.id] });
    await onB.sync.waitFor(2);
    expect(onB.sync.events).toEqual([
      {
        id: '1',
        event: { op: 'upsert', entity: 'tag', id: tag.id, data: tag, sessionId: aSession },
      },
      {
        id: '2',
        event: { op: 'upsert', entity: 'task', id: task.id, data: task, sessionId: aSession },
      },
    ]);
    onB.sync.close();

    // Written on B while the client is away; it comes back on A with its last id.
    const writerB = trpcClient(b, me.accessToken);
    const asset = await writerB.asset.create.mutate({ name: 'Coin' });
    await writerB.task.delete.mutate({ id: task.id });
    const onA = openSyncClient(a, me.accessToken, '2');
    await onA.sync.waitFor(2);
    const live = await writerB.tag.update.mutate({ id: tag.id, name: 'House' });
    await onA.sync.waitFor(3);
    // Exactly what followed id 2, in order, none twice.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onA.sync.events).toEqual([
      {
        id: '3',
        event: { op: 'upsert', entity: 'asset', id: asset.id, data: asset, sessionId: aSession },
      },
      { id: '4', event: { op: 'delete', entity: 'task', id: task.id, sessionId: aSession } },
      {
        id: '5',
        event: { op: 'upsert', entity: 'tag', id: tag.id, data: live, sessionId: aSession },
      },
    ]);
    onA.sync.close();
  });

  it('ends the stream on B with UNAUTHORIZED within 2 s of a logout on A', async () => {
    const me = await signUp(a);
    const onB = openSyncClient(b, me.accessToken, '0');
    await onB.connected;
    const started = Date.now();
    await trpcClient(a, me.accessToken).auth.logout.mutate({ refreshToken: me.refreshToken });
    const error = (await onB.sync.waitForError(4000)) as { data?: { appCode?: string } };
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.data?.appCode).toBe('INVALID_TOKEN');
    onB.sync.close();
  });
});
