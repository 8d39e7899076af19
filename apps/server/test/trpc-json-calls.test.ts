// Plain JSON tRPC calls are answered without resolveResponse (src/routes/trpc-json-calls.ts);
// these tests hold that path to tRPC's own answers. Two instances share one PostgreSQL database,
// one with the direct path (the default) and one with TRPC_DIRECT_CALLS=false, so every request
// here goes to both and must come back with the same status, the same headers and the same body,
// byte for byte: successes, batches of mixed outcomes (207), every kind of refusal, and the
// requests the direct path leaves to resolveResponse. A tRPC upgrade that changes its envelope,
// its status rules or its error shape fails here. PostgreSQL only: PGlite is one process.
import { testEngines } from '@repo/db/testing';
import fc from 'fast-check';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, register, trpc, uniqueEmail } from './helpers/auth-http';
import {
  type OtherInstance,
  type TestServer,
  startOtherInstance,
  startTestServer,
} from './helpers/test-server';

const WEB_ORIGIN = 'http://localhost:5173';
/** Headers that differ between any two answers, whoever gives them. */
const PER_ANSWER = new Set(['date', 'x-request-id', 'keep-alive', 'connection']);

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

describe.runIf(testEngines.includes('postgres'))('tRPC JSON calls without resolveResponse', () => {
  let direct: TestServer;
  let viaTrpc: OtherInstance | undefined;
  let token = '';
  let taskId = 0;
  const config = { corsOrigins: [WEB_ORIGIN], trpcMaxBatchSize: 8 };

  beforeAll(async () => {
    direct = await startTestServer({ engine: 'postgres', config });
    viaTrpc = await startOtherInstance(direct, { ...config, trpcDirectCalls: false });
    const user = await register(direct.url, 'token');
    token = user.data!.accessToken;
    const created = await trpc<{ id: number }>(
      direct.url,
      'task.create',
      { title: 'Water the plants', dueDate: new Date('2026-12-24T09:00:00Z') },
      { headers: bearer(token) },
    );
    taskId = created.data!.id;
  });
  afterAll(async () => {
    await viaTrpc?.close();
    await direct?.close();
  });

  async function answer(base: string, path: string, init: RequestInit): Promise<Answer> {
    const res = await fetch(`${base}${path}`, init);
    const headers: Record<string, string> = {};
    for (const [key, value] of res.headers) if (!PER_ANSWER.has(key)) headers[key] = value;
    return { status: res.status, headers, text: await res.text() };
  }

  /** The request sent to both instances; their answers, which must be equal. */
  async function same(path: string, init: RequestInit = {}): Promise<Answer> {
    const [mine, theirs] = await Promise.all([
      answer(direct.url, path, init),
      answer(viaTrpc!.url, path, init),
    ]);
    expect(mine).toEqual(theirs);
    return mine;
  }

  const auth = () => ({ headers: bearer(token) });
  const input = (value: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(value)));
  const batchInput = (values: unknown[]) =>
    encodeURIComponent(
      JSON.stringify(Object.fromEntries(values.map((v, i) => [i, superjson.serialize(v)]))),
    );
  const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });

  it('answers queries the same, with and without a token, one call or a batch', async () => {
    const me = await same('/trpc/auth.me', auth());
    expect(me.status).toBe(200);
    expect(me.headers['content-type']).toBe('application/json');
    expect(me.headers['content-length']).toBe(String(Buffer.byteLength(me.text)));
    expect((await same('/trpc/auth.me')).status).toBe(401);
    expect((await same('/trpc/auth.me', { headers: bearer('not.a.token') })).status).toBe(401);

    const list = await same(`/trpc/task.list?input=${input({ limit: 10 })}`, auth());
    expect(list.status).toBe(200);
    expect(list.text).toContain('Water the plants');

    const batch = await same(
      `/trpc/auth.me,task.byId,tag.list?batch=1&input=${batchInput([undefined, { id: taskId }])}`,
      auth(),
    );
    expect(batch.status).toBe(200);
    expect(JSON.parse(batch.text)).toHaveLength(3);
  });

  it('answers a batch of mixed outcomes with 207 and each call its own shape', async () => {
    const missing = 999_999;
    const mixed = await same(
      `/trpc/task.byId,task.byId,task.list?batch=1&input=${batchInput([
        { id: taskId },
        { id: missing },
        { limit: 0 },
      ])}`,
      auth(),
    );
    expect(mixed.status).toBe(207);
    const body = JSON.parse(mixed.text) as Array<{ result?: unknown; error?: unknown }>;
    expect(body.map((item) => ('result' in item ? 'result' : 'error'))).toEqual([
      'result',
      'error',
      'error',
    ]);
  });

  it('refuses bad input the same way: invalid values, bad JSON, wrong types', async () => {
    expect((await same(`/trpc/task.list?input=${input({ limit: -1 })}`, auth())).status).toBe(400);
    expect((await same('/trpc/task.list?input=%7Bnot-json', auth())).status).toBe(400);
    expect((await same('/trpc/task.create', post('{"json":'))).status).toBe(400);
    expect(
      (await same('/trpc/task.create', post(JSON.stringify(superjson.serialize({ title: '' })))))
        .status,
    ).toBe(400);
    expect((await same('/trpc/task.create?batch=1', post('[1,2]'))).status).toBe(400);
    const stale = { id: taskId, expectedUpdatedAt: new Date('2000-01-01'), title: 'Nope' };
    expect(
      (await same('/trpc/task.update', post(JSON.stringify(superjson.serialize(stale))))).status,
    ).toBe(409);
  });

  it('leaves to resolveResponse what is not a plain JSON call, with the same answers', async () => {
    // Unknown procedure, a query by POST, a mutation by GET, a subscription's method.
    expect((await same('/trpc/no.such.procedure', auth())).status).toBe(404);
    expect((await same('/trpc/auth.me', post('{}'))).status).toBe(405);
    expect((await same('/trpc/task.create', auth())).status).toBe(405);
    // Not JSON, no content type on a POST, a streaming batch, HEAD, a bad path encoding.
    expect(
      (await same('/trpc/task.create', post('x', { 'content-type': 'text/plain' }))).status,
    ).toBe(415);
    const octets = post('{"json":{"title":"a"}}', { 'content-type': 'application/octet-stream' });
    expect((await same('/trpc/task.create', octets)).status).toBe(400);
    const form = new FormData();
    form.set('title', 'From a form');
    const multipart: RequestInit = { method: 'POST', headers: bearer(token), body: form };
    expect((await same('/trpc/task.create', multipart)).status).toBe(400);
    const bare: RequestInit = { method: 'POST', headers: bearer(token), body: '{}' };
    expect((await same('/trpc/task.create', bare)).status).toBe(415);
    const jsonl = await same('/trpc/auth.me?batch=1', {
      headers: { ...bearer(token), 'trpc-accept': 'application/jsonl' },
    });
    expect(jsonl.status).toBe(200);
    expect((await same('/trpc/auth.me', { method: 'HEAD' })).status).toBe(204);
    expect((await same('/trpc/%E0%A4%A', auth())).status).toBe(400);
    // Too many calls, a declared body over the limit, mixed procedure types.
    const nine = Array(9).fill('auth.me').join(',');
    expect((await same(`/trpc/${nine}?batch=1`, auth())).status).toBe(400);
    const big = JSON.stringify(superjson.serialize({ title: 'x'.repeat(200_000) }));
    expect((await same('/trpc/task.create', post(big))).status).toBe(413);
    expect((await same('/trpc/auth.me,task.create?batch=1', auth())).status).toBe(400);
  });

  it('cuts off a chunked body over the limit with the same 413', async () => {
    const chunked = (): RequestInit & { duplex: 'half' } => ({
      ...post(''),
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(
            new TextEncoder().encode(`{"json":{"title":"${'x'.repeat(200_000)}"}}`),
          );
          controller.close();
        },
      }),
      duplex: 'half',
    });
    const [mine, theirs] = await Promise.all([
      answer(direct.url, '/trpc/task.create', chunked()),
      answer(viaTrpc!.url, '/trpc/task.create', chunked()),
    ]);
    expect(mine).toEqual(theirs);
    expect(mine.status).toBe(413);
  });

  it('keeps the CORS Vary and the token from connectionParams', async () => {
    const withOrigin = await same('/trpc/auth.me', {
      headers: { ...bearer(token), origin: WEB_ORIGIN },
    });
    expect(withOrigin.headers.vary).toBe('trpc-accept, accept, Origin');
    const params = encodeURIComponent(JSON.stringify({ accessToken: token }));
    expect((await same(`/trpc/auth.me?connectionParams=${params}`)).status).toBe(200);
  });

  it('answers a refused sign-in with the same Retry-After', async () => {
    // Each instance counts sign-ins on its own (no Redis here): each is driven to its refusal.
    const login = post(
      JSON.stringify(
        superjson.serialize({ email: uniqueEmail('x'), password: PASSWORD, session: 'token' }),
      ),
    );
    async function refusal(base: string): Promise<Answer> {
      for (let i = 0; i < 20; i++) {
        const reply = await answer(base, '/trpc/auth.login', login);
        if (reply.status === 429) return reply;
      }
      throw new Error('never refused');
    }
    const [mine, theirs] = [await refusal(direct.url), await refusal(viaTrpc!.url)];
    // The seconds to wait may differ by one between the two; nothing else may.
    const seconds = (a: Answer) => ({ ...a, text: a.text.replace(/\d+( s|\})/g, 'N$1') });
    const { 'retry-after': mineWait, ...mineHeaders } = mine.headers;
    const { 'retry-after': theirWait, ...theirHeaders } = theirs.headers;
    expect(Math.abs(Number(mineWait) - Number(theirWait))).toBeLessThanOrEqual(1);
    expect(Number(mineWait)).toBeGreaterThan(0);
    expect(seconds({ ...mine, headers: mineHeaders })).toEqual(
      seconds({ ...theirs, headers: theirHeaders }),
    );
  });

  it('answers a successful mutation in the same envelope', async () => {
    const body = JSON.stringify(superjson.serialize({ title: 'Same shape', tagIds: [] }));
    const [mine, theirs] = await Promise.all([
      answer(direct.url, '/trpc/task.create', post(body)),
      answer(viaTrpc!.url, '/trpc/task.create', post(body)),
    ]);
    // Two tasks: the ids, times and versions differ, and so the length; nothing else may.
    const mask = (a: Answer) => ({
      ...a,
      headers: { ...a.headers, 'content-length': '' },
      text: a.text
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID')
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME')
        .replace(/"id":\d+/, '"id":N'),
    });
    expect(mine.status).toBe(200);
    expect(mask(mine)).toEqual(mask(theirs));
  });

  it('answers any batch of queries the same (property)', async () => {
    const missing = 999_999;
    const calls: Array<[string, unknown]> = [
      ['auth.me', undefined],
      ['task.byId', { id: taskId }],
      ['task.byId', { id: missing }],
      ['task.byId', { id: 'not-a-uuid' }],
      ['task.list', { limit: 5 }],
      ['task.list', { cursor: 'garbage' }],
      ['tag.list', undefined],
      ['asset.list', { limit: 3 }],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...calls), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        async (picked, batched, signedIn) => {
          const headers = signedIn ? bearer(token) : {};
          const path =
            batched || picked.length > 1
              ? `/trpc/${picked.map(([p]) => p).join(',')}?batch=1&input=${batchInput(picked.map(([, v]) => v))}`
              : `/trpc/${picked[0]![0]}${picked[0]![1] === undefined ? '' : `?input=${input(picked[0]![1])}`}`;
          await same(path, { headers });
        },
      ),
      { numRuns: 60 },
    );
  });
});
