// tRPC batches are capped (TRPC_MAX_BATCH_SIZE): one request cannot carry thousands of calls, and
// an oversized one is refused before any procedure runs, so nothing of it is written.
import { testEngines } from '@repo/db/testing';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRest } from './helpers/rest-http';
import { type TestServer, startTestServer } from './helpers/test-server';

describe.each(testEngines)('tRPC batch cap on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, config: { trpcMaxBatchSize: 16 } });
  });
  afterAll(() => server?.close());

  const batchInput = (inputs: unknown[]) =>
    JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, superjson.serialize(input)])));

  /** A refused batch answers one error for the whole request, not one per call. */
  async function batchError(res: Response) {
    const body = (await res.json()) as {
      error: { json: { message: string; data: { appCode: string } } };
    };
    return { message: body.error.json.message, appCode: body.error.json.data.appCode };
  }

  it('answers 16 calls in one GET, and refuses 17 with 400 before running any', async () => {
    const paths = (n: number) => Array.from({ length: n }, () => 'auth.me').join(',');
    const ok = await fetch(`${server.url}/trpc/${paths(16)}?batch=1`);
    expect(ok.status).toBe(401); // every call ran and was refused for want of a token
    const tooMany = await fetch(`${server.url}/trpc/${paths(17)}?batch=1`);
    expect(tooMany.status).toBe(400);
    expect(await batchError(tooMany)).toEqual({
      message: 'Batch call exceeds maximum size',
      appCode: 'VALIDATION_ERROR',
    });
  });

  it('refuses 500 task.create in one POST and writes none of them', async () => {
    const user = await registerRest(server.url);
    const inputs = Array.from({ length: 500 }, (_, i) => ({ title: `Task ${i}` }));
    const res = await fetch(
      `${server.url}/trpc/${Array(500).fill('task.create').join(',')}?batch=1`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${user.accessToken}`,
        },
        body: batchInput(inputs),
      },
    );
    expect(res.status).toBe(400);
    expect((await batchError(res)).appCode).toBe('VALIDATION_ERROR');
    expect(await server.db.prisma.task.count()).toBe(0);
  });

  it('runs a full batch of 16 creates', async () => {
    const user = await registerRest(server.url);
    const inputs = Array.from({ length: 16 }, (_, i) => ({ title: `Task ${i}` }));
    const res = await fetch(
      `${server.url}/trpc/${Array(16).fill('task.create').join(',')}?batch=1`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${user.accessToken}`,
        },
        body: batchInput(inputs),
      },
    );
    expect(res.status).toBe(200);
    expect(await server.db.prisma.task.count({ where: { user: { email: user.email } } })).toBe(16);
  });
});
