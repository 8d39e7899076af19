// SSE subscriptions are answered without resolveResponse (src/routes/trpc-sse-calls.ts); these
// tests hold that path to tRPC's own bytes. A small router (pings every 100 ms, so a quiet stream
// pings within the test) is served by the real adapter twice, with and without the direct path,
// and every stream is read from both: tracked and untracked events (restore-id), the end, a
// throw, a refusal, bad input, an observable, a value that does not serialize, Last-Event-ID, a
// quiet stream's pings, and a fast-check property over random event sequences. A frozen event sent
// to many streams is serialized once, any other at each yield. Then the app's own
// sync.events on two instances of one PostgreSQL database, one with TRPC_DIRECT_CALLS=false.
import { type AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { testEngines } from '@repo/db/testing';
import type { AppRouter } from '@repo/api';
import { TRPCError, initTRPC, tracked } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handleTrpcRequest } from '../src/routes/trpc-node-adapter';
import { bearer, register, trpc } from './helpers/auth-http';
import {
  type OtherInstance,
  type TestServer,
  startOtherInstance,
  startTestServer,
} from './helpers/test-server';

/** Headers that differ between any two answers, whoever gives them. */
const PER_ANSWER = new Set(['date', 'x-request-id', 'keep-alive', 'connection']);

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Reads an SSE answer until it ends or `enough(text)` holds, then leaves. */
async function readStream(
  url: string,
  init: RequestInit = {},
  enough: (text: string) => boolean = () => false,
): Promise<Answer> {
  const leave = new AbortController();
  const res = await fetch(url, {
    ...init,
    headers: { accept: 'text/event-stream', ...init.headers },
    signal: leave.signal,
  });
  const headers: Record<string, string> = {};
  for (const [key, value] of res.headers) if (!PER_ANSWER.has(key)) headers[key] = value;
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (enough(text)) break;
    }
  } finally {
    leave.abort();
  }
  return { status: res.status, headers, text };
}

const frames = (text: string) => text.split('\n\n\n').filter(Boolean);

// ---- the small router --------------------------------------------------------------------

type Step =
  | { kind: 'tracked'; id: string; value: unknown }
  | { kind: 'plain'; value: unknown }
  | { kind: 'throw'; message: string };

const step = z.union([
  z.object({ kind: z.literal('tracked'), id: z.string(), value: z.unknown() }),
  z.object({ kind: z.literal('plain'), value: z.unknown() }),
  z.object({ kind: z.literal('throw'), message: z.string() }),
]);

/** A turn of the event loop between events, as a real source of events takes. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Streams whose generator has ended, counted by name. */
const ended = new Map<string, number>();
const noteEnded = (name: string) => ended.set(name, (ended.get(name) ?? 0) + 1);

const t = initTRPC.create({
  sse: { ping: { enabled: true, intervalMs: 100 }, client: { reconnectAfterInactivityMs: 1000 } },
  // Stacks differ between the two paths (their frames are ours or tRPC's); the app sends none.
  errorFormatter: ({ shape }) => ({ ...shape, data: { ...shape.data, stack: undefined } }),
});
const refuse = t.middleware(() => {
  throw new TRPCError({ code: 'UNAUTHORIZED', message: 'No token' });
});
const testRouter = t.router({
  steps: t.procedure.input(z.object({ steps: z.array(step) })).subscription(async function* ({
    input,
  }) {
    for (const s of input.steps as Step[]) {
      await tick();
      if (s.kind === 'throw') throw new TRPCError({ code: 'CONFLICT', message: s.message });
      yield s.kind === 'tracked' ? tracked(s.id, s.value) : s.value;
    }
  }),
  quiet: t.procedure.input(z.object({ name: z.string() })).subscription(async function* ({
    input,
    signal,
  }) {
    try {
      yield tracked('1', { hello: input.name });
      // Quiet until the client leaves: the signal the procedure gets must say so.
      await new Promise((resolve) => signal?.addEventListener('abort', resolve, { once: true }));
    } finally {
      noteEnded(input.name);
    }
  }),
  unserializable: t.procedure.subscription(async function* () {
    try {
      yield { fine: true };
      await tick();
      yield { big: 1n };
      yield { never: true };
    } finally {
      noteEnded('unserializable');
    }
  }),
  refused: t.procedure.use(refuse).subscription(async function* () {
    await tick();
    yield 1;
  }),
  ticks: t.procedure.subscription(() =>
    observable<number>((emit) => {
      emit.next(1);
      emit.next(2);
      emit.complete();
    }),
  ),
  notIterable: t.procedure.subscription(() => 5 as unknown as AsyncIterable<number>),
});

function serve(directCalls: boolean): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname.slice('/trpc/'.length);
    void handleTrpcRequest({
      // The adapter is typed for the app's router; the protocol is the same for any router.
      router: testRouter as unknown as AppRouter,
      req,
      res,
      path,
      maxBodySize: 100_000,
      maxBatchSize: 8,
      directCalls,
      error: null,
      createContext: () => Promise.resolve({} as never),
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const base = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;

describe('tRPC SSE calls without resolveResponse (a small router)', () => {
  let direct: Server;
  let viaTrpc: Server;
  beforeAll(async () => {
    [direct, viaTrpc] = await Promise.all([serve(true), serve(false)]);
  });
  afterAll(async () => {
    await Promise.all([direct, viaTrpc].map((s) => new Promise((r) => s?.close(r))));
  });

  /** The stream read from both servers; their answers, which must be equal. */
  async function same(
    path: string,
    init: RequestInit = {},
    enough?: (text: string) => boolean,
  ): Promise<Answer> {
    const [mine, theirs] = await Promise.all([
      readStream(`${base(direct)}/${path}`, init, enough),
      readStream(`${base(viaTrpc)}/${path}`, init, enough),
    ]);
    expect(mine).toEqual(theirs);
    return mine;
  }

  it('frames tracked and untracked events, the restore-id and the end the same', async () => {
    const steps: Step[] = [
      { kind: 'plain', value: 'before any id' },
      { kind: 'tracked', id: '7', value: { a: 1 } },
      { kind: 'plain', value: { b: [1, 2] } },
      { kind: 'tracked', id: '8', value: null },
    ];
    const answer = await same(`steps?${input({ steps })}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/event-stream');
    expect(answer.headers['cache-control']).toBe('no-cache, no-transform');
    expect(frames(answer.text)).toEqual([
      'event: connected\ndata: {"reconnectAfterInactivityMs":1000}',
      'data: "before any id"',
      'data: {"a":1}\nid: 7',
      'data: {"b":[1,2]}\nid: ',
      'event: restore-id\ndata: \nid: 7',
      'data: null\nid: 8',
      'event: return\ndata: ',
    ]);
  });

  it('starts from the Last-Event-ID the client sends, and ignores one it could not send', async () => {
    const steps: Step[] = [{ kind: 'plain', value: 1 }];
    const resumed = await same(`steps?${input({ steps })}`, { headers: { 'last-event-id': '41' } });
    expect(frames(resumed.text).slice(1, 3)).toEqual([
      'data: 1\nid: ',
      'event: restore-id\ndata: \nid: 41',
    ]);
    const fromQuery = await same(`steps?${input({ steps })}&lastEventId=a%0Ab`);
    expect(frames(fromQuery.text)[1]).toBe('data: 1');
  });

  it('ends with the same serialized error for a throw, a refusal and bad input', async () => {
    const thrown = await same(
      `steps?${input({
        steps: [
          { kind: 'tracked', id: '1', value: 1 },
          { kind: 'throw', message: 'stale' },
        ],
      })}`,
    );
    const last = frames(thrown.text).at(-1)!;
    expect(last.startsWith('event: serialized-error\ndata: ')).toBe(true);
    expect(JSON.parse(last.split('data: ')[1]!)).toMatchObject({
      message: 'stale',
      data: { code: 'CONFLICT', httpStatus: 409, path: 'steps' },
    });

    const refused = await same('refused');
    expect(refused.status).toBe(200);
    expect(frames(refused.text)).toHaveLength(2);
    expect(frames(refused.text)[1]).toContain('"code":"UNAUTHORIZED"');

    const bad = await same(`steps?${input({ steps: 'none' })}`);
    expect(frames(bad.text)[1]).toContain('"code":"BAD_REQUEST"');
  });

  it('streams an observable, and refuses a result that is neither an observable nor iterable', async () => {
    const ticks = await same('ticks');
    expect(frames(ticks.text).slice(1)).toEqual(['data: 1', 'data: 2', 'event: return\ndata: ']);
    const wrong = await same('notIterable');
    expect(frames(wrong.text)[1]).toContain('did not return an observable or a AsyncGenerator');
  });

  it('answers a value that does not serialize with an error, and ends the generator', async () => {
    const before = ended.get('unserializable') ?? 0;
    const answer = await same('unserializable');
    expect(frames(answer.text)).toHaveLength(3);
    expect(frames(answer.text)[1]).toBe('data: {"fine":true}');
    expect(frames(answer.text)[2]).toContain('event: serialized-error');
    expect(ended.get('unserializable')).toBe(before + 2);
  });

  it('pings a quiet stream after each interval, and ends its generator when the client leaves', async () => {
    const twoPings = (text: string) => text.split('event: ping').length > 2;
    const answer = await same(`quiet?${input({ name: 'pinged' })}`, {}, twoPings);
    expect(frames(answer.text).slice(0, 4)).toEqual([
      'event: connected\ndata: {"reconnectAfterInactivityMs":1000}',
      'data: {"hello":"pinged"}\nid: 1',
      'event: ping\ndata: ',
      'event: ping\ndata: ',
    ]);
    const deadline = Date.now() + 2000;
    while ((ended.get('pinged') ?? 0) < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ended.get('pinged')).toBe(2);
  });

  it('writes any sequence of events the same (fast-check)', async () => {
    const id = fc.stringMatching(/^[0-9a-z]{1,6}$/);
    const value = fc.jsonValue({ maxDepth: 2 });
    const arbitraryStep: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('tracked' as const), id, value }),
      fc.record({ kind: fc.constant('plain' as const), value }),
      fc.record({ kind: fc.constant('throw' as const), message: fc.string({ maxLength: 20 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryStep, { maxLength: 12 }),
        fc.option(id, { nil: undefined }),
        async (steps, lastEventId) => {
          const headers: Record<string, string> = lastEventId
            ? { 'last-event-id': lastEventId }
            : {};
          await same(`steps?${input({ steps })}`, { headers });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('an event yielded to many streams', () => {
  // A transformer that counts what it serializes, on a router of its own.
  const serialized: unknown[] = [];
  const counting = initTRPC.create({
    transformer: {
      serialize: (value: unknown) => (serialized.push(value), { wrapped: value }),
      deserialize: (value: unknown) => value,
    },
  });
  const shared = Object.freeze({
    title: 'shared',
    tags: Object.freeze([Object.freeze({ id: 1 })]),
  });
  const mutable = { n: 1 };
  const router = counting.router({
    shared: counting.procedure.subscription(async function* () {
      await tick();
      yield tracked('1', shared);
    }),
    changing: counting.procedure.subscription(async function* () {
      await tick();
      yield tracked('1', mutable);
      mutable.n = 2;
      yield tracked('2', mutable);
    }),
  });
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      void handleTrpcRequest({
        router: router as unknown as AppRouter,
        req,
        res,
        path: new URL(req.url!, 'http://x').pathname.slice('/trpc/'.length),
        maxBodySize: 100_000,
        maxBatchSize: 8,
        directCalls: true,
        error: null,
        createContext: () => Promise.resolve({} as never),
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server?.close(resolve)));

  const dataFrames = (text: string) => frames(text).filter((f) => f.startsWith('data: {"wrapped"'));

  it('is serialized once when frozen, and every stream gets the same bytes', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        readStream(`${base(server)}/shared`, {}, (t) => t.includes('event: return')),
      ),
    );
    const expected = 'data: {"wrapped":{"title":"shared","tags":[{"id":1}]}}\nid: 1';
    for (const answer of answers) expect(dataFrames(answer.text)).toEqual([expected]);
    expect(serialized.filter((value) => value === shared)).toHaveLength(1);
  });

  it('is serialized at every yield when it is not frozen, so a change is sent', async () => {
    const answer = await readStream(`${base(server)}/changing`, {}, (t) =>
      t.includes('event: return'),
    );
    expect(dataFrames(answer.text)).toEqual([
      'data: {"wrapped":{"n":1}}\nid: 1',
      'data: {"wrapped":{"n":2}}\nid: 2',
    ]);
  });
});

describe.runIf(testEngines.includes('postgres'))('sync.events without resolveResponse', () => {
  let server: TestServer;
  let viaTrpc: OtherInstance | undefined;
  let token = '';

  beforeAll(async () => {
    server = await startTestServer({ engine: 'postgres' });
    viaTrpc = await startOtherInstance(server, { trpcDirectCalls: false });
    token = (await register(server.url, 'token')).data!.accessToken;
    for (const name of ['home', 'work', 'garden'])
      await trpc(server.url, 'tag.create', { name }, { headers: bearer(token) });
  });
  afterAll(async () => {
    await viaTrpc?.close();
    await server?.close();
  });

  const events = (lastEventId: string | null) =>
    `/trpc/sync.events?${input({ json: { lastEventId } })}`;
  async function same(path: string, init: RequestInit, enough?: (text: string) => boolean) {
    const [mine, theirs] = await Promise.all([
      readStream(`${server.url}${path}`, init, enough),
      readStream(`${viaTrpc!.url}${path}`, init, enough),
    ]);
    expect(mine).toEqual(theirs);
    return mine;
  }
  const params = () =>
    `&connectionParams=${encodeURIComponent(JSON.stringify({ accessToken: token }))}`;

  it('replays the same events, byte for byte, with the token in a header or connectionParams', async () => {
    const threeEvents = (text: string) => frames(text).length >= 4;
    const replay = await same(events('0'), { headers: bearer(token) }, threeEvents);
    const names = frames(replay.text)
      .slice(1, 4)
      .map((f) => /"name":"(\w+)"/.exec(f)?.[1]);
    expect(names).toEqual(['home', 'work', 'garden']);
    expect(frames(replay.text)[3]).toMatch(/\nid: 3$/);
    const viaParams = await same(
      `${events('1')}${params()}`,
      {},
      (text) => frames(text).length >= 3,
    );
    expect(frames(viaParams.text)[1]).toMatch(/\nid: 2$/);
  });

  it('answers resync, a missing token and a bad token the same', async () => {
    const resync = await same(
      events('garbage'),
      { headers: bearer(token) },
      (text) => frames(text).length >= 2,
    );
    expect(frames(resync.text)[1]).toBe('data: {"json":{"op":"resync"}}\nid: 3');
    const anonymous = await same(events(null), {});
    expect(frames(anonymous.text)[1]).toContain('"code":"UNAUTHORIZED"');
    const forged = await same(events(null), { headers: bearer('not.a.token') });
    expect(frames(forged.text)[1]).toContain('"code":"UNAUTHORIZED"');
  });
});
