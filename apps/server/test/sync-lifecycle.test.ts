// Live sync's lifecycle on a real server: a pruned resume point answers resync, and shutting down
// cuts open streams at once instead of waiting out the shutdown deadline for them.
import { pruneEvents } from '@repo/api';
import { describe, expect, it } from 'vitest';
import { register } from './helpers/auth-http';
import { openSyncClient, trpcClient } from './helpers/sync-client';
import { createLogger } from '../src/logger';
import { startTestServer } from './helpers/test-server';

describe('live sync lifecycle', () => {
  it('answers resync to a lastEventId whose successors were pruned', async () => {
    const server = await startTestServer();
    try {
      const me = (await register(server.url, 'token')).data!;
      const writer = trpcClient(server.url, me.accessToken);
      await writer.tag.create.mutate({ name: 'old' });
      await writer.tag.create.mutate({ name: 'older' });
      expect(await pruneEvents(server.db.prisma, new Date(Date.now() + 60_000))).toBe(2);
      const { sync } = openSyncClient(server.url, me.accessToken, '0');
      await sync.waitFor(1);
      expect(sync.events).toEqual([{ id: '2', event: { op: 'resync' } }]);
      sync.close();
    } finally {
      await server.close();
    }
  });

  it('closes the oldest stream of a user beyond SYNC_MAX_STREAMS_PER_USER', async () => {
    const server = await startTestServer({ config: { syncMaxStreamsPerUser: 2 } });
    try {
      const me = (await register(server.url, 'token')).data!;
      const open = async () => {
        const { sync, connected } = openSyncClient(server.url, me.accessToken, '0');
        await connected;
        // The server registers the stream once it has read its resume point.
        await new Promise((resolve) => setTimeout(resolve, 300));
        return sync;
      };
      const oldest = await open();
      const middle = await open();
      const newest = await open();
      const deadline = Date.now() + 5000;
      while (!oldest.completed && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect([oldest.completed, middle.completed, newest.completed]).toEqual([true, false, false]);
      for (const s of [oldest, middle, newest]) s.close();
    } finally {
      await server.close();
    }
  });

  it('never logs the token a stream carries in connectionParams (its URL query)', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      { logLevel: 'debug' },
      { write: (line: string) => void lines.push(line) },
    );
    const server = await startTestServer({ logger });
    try {
      const me = (await register(server.url, 'token')).data!;
      const { sync, connected } = openSyncClient(server.url, me.accessToken, 'garbage');
      await connected;
      await sync.waitFor(1);
      sync.close();
      // A rejected token's stream too: its error path must not print the URL either.
      const bad = openSyncClient(server.url, `${me.accessToken}x`, '0');
      await bad.sync.waitForError();
      bad.sync.close();
    } finally {
      await server.close();
    }
    expect(lines.some((line) => line.includes('"path":"/trpc/sync.events"'))).toBe(true);
    expect(lines.filter((line) => line.includes('eyJ'))).toEqual([]);
  });

  it('ends open streams at once on shutdown', async () => {
    const server = await startTestServer();
    const me = (await register(server.url, 'token')).data!;
    const { sync, connected } = openSyncClient(server.url, me.accessToken, '0');
    await connected;
    const started = Date.now();
    await server.close();
    // The default deadline is 10 s; a stream left open would hold close() that long.
    expect(Date.now() - started).toBeLessThan(3000);
    sync.close();
  });
});
