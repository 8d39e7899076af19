// Which calls get an abort signal on the direct path (trpc-json-calls.ts says why): a query or a
// mutation none, a subscription one that aborts when its client leaves, and createContext's
// info.signal, made when read, aborted even when first read after the client left. On a real
// socket, through handleTrpcRequest, with a router of its own.
import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initTRPC } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { type TrpcNodeOptions, handleTrpcRequest } from './trpc-node-adapter';

interface Seen {
  procedureSignal?: AbortSignal | 'none';
  contextSignal?: AbortSignal;
}

const t = initTRPC.context<{ info: { signal: AbortSignal } }>().create();
/** Holds the answer until the test lets it go, so a client can leave before it. */
let release: () => void = () => {};
let seen: Seen = {};

const router = t.router({
  plain: t.procedure.query(({ signal }) => {
    seen.procedureSignal = signal ?? 'none';
    return 'ok';
  }),
  held: t.procedure.query(async ({ ctx }) => {
    await new Promise<void>((resolve) => (release = resolve));
    // First read of info.signal, after the client is gone.
    seen.contextSignal = ctx.info.signal;
    return 'late';
  }),
  ticks: t.procedure.subscription(async function* ({ signal }) {
    seen.procedureSignal = signal ?? 'none';
    yield 1;
    await new Promise<void>((resolve) => (release = resolve));
  }),
});

const servers: Server[] = [];
afterEach(() => {
  release();
  seen = {};
  for (const server of servers.splice(0)) server.close();
});

async function serve(): Promise<{ base: string; closed: Promise<void> }> {
  let closed!: () => void;
  const done = new Promise<void>((resolve) => (closed = resolve));
  const server = createServer((req, res) => {
    res.once('close', () => setImmediate(closed));
    void handleTrpcRequest({
      // The adapter is typed for the app's router; it handles any (this one has no transformer).
      router: router as unknown as TrpcNodeOptions['router'],
      req,
      res,
      path: new URL(req.url!, 'http://x').pathname.slice('/trpc/'.length),
      maxBodySize: 1024,
      directCalls: true,
      error: null,
      createContext: (({ info }: { info: unknown }) =>
        Promise.resolve({ info })) as unknown as TrpcNodeOptions['createContext'],
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, closed: done };
}

describe('abort signals on the direct tRPC path', () => {
  it('gives a query no signal, as the REST mirror and server-side callers do', async () => {
    const { base } = await serve();
    const res = await fetch(`${base}/trpc/plain`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { data: 'ok' } });
    expect(seen.procedureSignal).toBe('none');
  });

  it("aborts createContext's info.signal when the client left, though first read afterwards", async () => {
    const { base, closed } = await serve();
    const client = new AbortController();
    const pending = fetch(`${base}/trpc/held`, { signal: client.signal }).catch(
      (error: Error) => error.name,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.abort();
    expect(await pending).toBe('AbortError');
    await closed;
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.contextSignal).toBeInstanceOf(AbortSignal);
    expect(seen.contextSignal!.aborted).toBe(true);
  });

  it('gives a subscription a signal that aborts when its client leaves', async () => {
    const { base, closed } = await serve();
    const client = new AbortController();
    const res = await fetch(`${base}/trpc/ticks`, {
      headers: { accept: 'text/event-stream' },
      signal: client.signal,
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('event: connected');
    const signal = seen.procedureSignal;
    expect(signal).toBeInstanceOf(AbortSignal);
    expect((signal as AbortSignal).aborted).toBe(false);
    client.abort();
    await closed;
    expect((signal as AbortSignal).aborted).toBe(true);
  });
});
