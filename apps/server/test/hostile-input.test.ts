// Input that once answered 500 (PostgreSQL cannot store it, or it reached an object's prototype)
// is a 400 with the field named on every face, and nothing of it is written.
import { testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import { bearer, trpc } from './helpers/auth-http';
import { expectRestError, rest, useRestUser } from './helpers/rest-http';
import { useTestServer } from './helpers/test-server';

const NUL = 'x\u0000y';

describe.each(testEngines)('hostile input on %s', (engine) => {
  const server = useTestServer({ engine, config: { rateLimitAuthPoints: 1000 } });
  const user = useRestUser(server);

  const counts = async () => ({
    tasks: await server.db.prisma.task.count(),
    tags: await server.db.prisma.tag.count(),
    assets: await server.db.prisma.asset.count(),
  });

  it.each<[string, string, string, unknown, string]>([
    ['a NUL task title', 'POST', '/api/tasks', { title: NUL }, 'title'],
    [
      'a NUL task description',
      'POST',
      '/api/tasks',
      { title: 't', description: NUL },
      'description',
    ],
    [
      'a year +275760 due date',
      'POST',
      '/api/tasks',
      { title: 't', dueDate: '+275760-09-13T00:00:00.000Z' },
      'dueDate',
    ],
    ['a NUL tag name', 'POST', '/api/tags', { name: NUL }, 'name'],
    ['a NUL asset name', 'POST', '/api/assets', { name: NUL }, 'name'],
    [
      'a NUL in asset metadata',
      'POST',
      '/api/assets',
      { name: 'n', metadata: { note: NUL } },
      'metadata',
    ],
    [
      '__proto__ in asset metadata',
      'POST',
      '/api/assets',
      '{"name":"n","metadata":{"__proto__":{"admin":true}}}',
      'metadata',
    ],
    [
      'constructor in asset metadata',
      'POST',
      '/api/assets',
      '{"name":"n","metadata":{"a":{"constructor":1}}}',
      'metadata',
    ],
  ])('REST refuses %s with 400 VALIDATION_ERROR', async (_what, method, path, body, field) => {
    const before = await counts();
    const reply = await rest(server.url, method, path, {
      token: user.accessToken,
      body,
      headers: { 'content-type': 'application/json' },
    });
    expectRestError(reply, 400, 'VALIDATION_ERROR', field);
    expect(await counts()).toEqual(before);
  });

  it('REST refuses a NUL in a search with 400, on tasks and assets', async () => {
    const q = encodeURIComponent(NUL);
    for (const path of [`/api/tasks?q=${q}`, `/api/assets?q=${q}`]) {
      expectRestError(
        await rest(server.url, 'GET', path, { token: user.accessToken }),
        400,
        'VALIDATION_ERROR',
        'q',
      );
    }
  });

  it('tRPC refuses the same input with the same code and field', async () => {
    const headers = bearer(user.accessToken);
    const cases: [string, unknown, string][] = [
      ['task.create', { title: NUL }, 'title'],
      ['task.create', { title: 't', dueDate: new Date(8.64e15) }, 'dueDate'],
      ['tag.create', { name: NUL }, 'name'],
    ];
    for (const [procedure, input, field] of cases) {
      const reply = await trpc(server.url, procedure, input, { headers });
      expect({
        status: reply.status,
        appCode: reply.error?.appCode,
        field: reply.error?.field,
      }).toEqual({
        status: 400,
        appCode: 'VALIDATION_ERROR',
        field,
      });
    }
    // superjson itself will not send __proto__; a hand-made body can.
    const raw = await fetch(`${server.url}/trpc/asset.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{"json":{"name":"n","metadata":{"__proto__":{"a":1}}}}',
    });
    expect(raw.status).toBe(400);
    expect(await raw.text()).toContain('"field":"metadata"');
    const list = await trpc(server.url, 'task.list', { q: NUL }, { headers, query: true });
    expect(list.error).toMatchObject({ appCode: 'VALIDATION_ERROR', field: 'q' });
  });
});
