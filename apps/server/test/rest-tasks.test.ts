// Seeds 002 and 003 over plain fetch: the task lifecycle under /api/tasks and again under
// /api/{userId}/tasks, where only the token's own user id is accepted.
import { testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import { type RestUser, errorOf, registerRest, rest, useRestUser } from './helpers/rest-http';
import { useTestServer } from './helpers/test-server';

interface Task {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  completedAt: string | null;
  priority: string;
  dueDate: string | null;
  tags: { id: number; name: string }[];
}

describe.each(testEngines)('REST tasks on %s', (engine) => {
  const server = useTestServer({ engine, config: { rateLimitAuthPoints: 10_000 } });
  const ada = useRestUser(server);
  const bob = useRestUser(server);

  const call = <T = Task>(user: RestUser, method: string, path: string, body?: unknown) =>
    rest<T>(server.url, method, path, { token: user.accessToken, body });

  it.each([
    ['/api/tasks', () => '/api/tasks'],
    ['/api/{userId}/tasks', () => `/api/${ada.id}/tasks`],
  ])('creates, lists, reads, updates, completes and deletes under %s', async (_name, base) => {
    const created = await call(ada, 'POST', base(), {
      title: '  Buy milk ',
      description: 'semi-skimmed',
      dueDate: '2030-05-01T09:00:00+02:00',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Buy milk', priority: 'medium', completed: false });
    expect(created.body.dueDate).toBe('2030-05-01T07:00:00.000Z');
    const id = created.body.id;

    const list = await call<{ items: Task[]; nextCursor: string | null }>(ada, 'GET', base());
    expect(list.status).toBe(200);
    expect(list.body.items.map((t) => t.id)).toContain(id);

    const read = await call(ada, 'GET', `${base()}/${id}`);
    expect([read.status, read.body.title]).toEqual([200, 'Buy milk']);

    const updated = await call(ada, 'PUT', `${base()}/${id}`, {
      title: 'Buy oat milk',
      priority: 'high',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id,
      title: 'Buy oat milk',
      priority: 'high',
      description: 'semi-skimmed',
    });

    const done = await call(ada, 'PATCH', `${base()}/${id}/complete`);
    expect([done.status, done.body.completed]).toEqual([200, true]);
    expect(done.body.completedAt).not.toBeNull();
    const undone = await call(ada, 'PATCH', `${base()}/${id}/complete`);
    expect(undone.body.completed).toBe(false);

    const deleted = await call(ada, 'DELETE', `${base()}/${id}`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    const gone = await call(ada, 'GET', `${base()}/${id}`);
    expect([gone.status, errorOf(gone).code]).toEqual([404, 'NOT_FOUND']);
  });

  it("answers 404 and does nothing when the path's user is not the token's", async () => {
    const task = (await call(ada, 'POST', '/api/tasks', { title: 'Mine' })).body;
    for (const [method, path, body] of [
      ['GET', `/api/${bob.id}/tasks`],
      ['POST', `/api/${bob.id}/tasks`, { title: 'Sneaky' }],
      ['PUT', `/api/${bob.id}/tasks/${task.id}`, { title: 'Renamed' }],
      ['PATCH', `/api/${bob.id}/tasks/${task.id}/complete`],
      ['DELETE', `/api/${bob.id}/tasks/${task.id}`],
      ['GET', `/api/not-a-uuid/tasks/${task.id}`],
    ] as const) {
      const res = await call(ada, method, path, body);
      expect([method, path, res.status, errorOf(res).code]).toEqual([
        method,
        path,
        404,
        'NOT_FOUND',
      ]);
    }
    const after = await call(ada, 'GET', `/api/tasks/${task.id}`);
    expect(after.body).toMatchObject({ title: 'Mine', completed: false });
    expect((await call<{ items: Task[] }>(bob, 'GET', '/api/tasks')).body.items).toEqual([]);
    const anonymous = await rest(server.url, 'GET', `/api/${ada.id}/tasks`);
    expect([anonymous.status, errorOf(anonymous).code]).toEqual([401, 'MISSING_TOKEN']);
  });

  it("answers NOT_FOUND for another user's task, on every operation", async () => {
    const task = (await call(ada, 'POST', '/api/tasks', { title: 'Private' })).body;
    for (const [method, suffix] of [
      ['GET', ''],
      ['PUT', ''],
      ['PATCH', '/complete'],
      ['DELETE', ''],
    ] as const) {
      const res = await call(
        bob,
        method,
        `/api/tasks/${task.id}${suffix}`,
        method === 'PUT' ? { title: 'x' } : undefined,
      );
      expect([method, res.status, errorOf(res).code]).toEqual([method, 404, 'NOT_FOUND']);
    }
    expect((await call(ada, 'GET', `/api/tasks/${task.id}`)).body.title).toBe('Private');
  });

  it('filters and pages from query parameters, arrays repeated or comma-separated', async () => {
    const user = await registerRest(server.url);
    const make = (title: string, priority: string, dueDate?: string) =>
      call(user, 'POST', '/api/tasks', { title, priority, dueDate });
    await make('low one', 'low', '2030-01-01T00:00:00Z');
    await make('high one', 'high', '2030-02-01T00:00:00Z');
    const medium = (await make('medium one', 'medium')).body;
    await call(user, 'PATCH', `/api/tasks/${medium.id}/complete`);
    const titles = async (query: string) =>
      (await call<{ items: Task[] }>(user, 'GET', `/api/tasks?${query}`)).body.items
        .map((t) => t.title)
        .sort();

    expect(await titles('priority=low,high')).toEqual(['high one', 'low one']);
    expect(await titles('priority=low&priority=medium')).toEqual(['low one', 'medium one']);
    expect(await titles('status=completed')).toEqual(['medium one']);
    expect(await titles('dueBefore=2030-01-15T00:00:00Z')).toEqual(['low one']);
    expect(await titles('dueAfter=2030-01-15T00:00:00%2B00:00')).toEqual(['high one']);
    expect(await titles('q=HIGH')).toEqual(['high one']);

    const first = await call<{ items: Task[]; nextCursor: string }>(
      user,
      'GET',
      '/api/tasks?sort=title&order=asc&limit=2',
    );
    expect(first.body.items.map((t) => t.title)).toEqual(['high one', 'low one']);
    const next = await call<{ items: Task[]; nextCursor: null }>(
      user,
      'GET',
      `/api/tasks?sort=title&order=asc&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect([next.body.items.map((t) => t.title), next.body.nextCursor]).toEqual([
      ['medium one'],
      null,
    ]);
  });
});
