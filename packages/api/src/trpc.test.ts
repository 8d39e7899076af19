// The error formatter as HTTP clients see it: tRPC's fetch adapter over a router built with the
// project's own builders.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { publicProcedure, router } from './trpc';

const testRouter = router({
  // Declares a string and returns a number: a server bug, whatever the client sent.
  broken: publicProcedure
    .input(z.object({ n: z.number() }))
    .output(z.object({ value: z.string() }))
    .query(({ input }) => ({ value: input.n }) as unknown as { value: string }),
});

async function call(input: unknown) {
  const url = `http://test/trpc/broken?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const res = await fetchRequestHandler({
    endpoint: '/trpc',
    req: new Request(url),
    router: testRouter,
    createContext: () => ({}) as never,
  });
  const body = (await res.json()) as {
    error: { json: { message: string; data: Record<string, unknown> } };
  };
  return { status: res.status, message: body.error.json.message, data: body.error.json.data };
}

describe('error formatter', () => {
  it('answers an output that fails its schema as INTERNAL, with no detail', async () => {
    const { status, message, data } = await call({ n: 1 });
    expect(status).toBe(500);
    expect(message).toBe('Internal server error');
    expect(data.appCode).toBe('INTERNAL');
    expect(data.fieldErrors).toBeUndefined();
  });

  it('still answers bad input as VALIDATION_ERROR with the field named', async () => {
    const { status, data } = await call({ n: 'one' });
    expect(status).toBe(400);
    expect(data).toMatchObject({ appCode: 'VALIDATION_ERROR', field: 'n' });
  });
});
