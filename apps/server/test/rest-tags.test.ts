// Tags over plain fetch, alone and on tasks, under /api/tags and /api/{userId}/tags.
import { testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import { errorOf, rest, useRestUser } from './helpers/rest-http';
import { useTestServer } from './helpers/test-server';

interface Tag {
  id: number;
  name: string;
  color: string | null;
}

describe.each(testEngines)('REST tags on %s', (engine) => {
  const server = useTestServer({ engine, config: { rateLimitAuthPoints: 10_000 } });
  const user = useRestUser(server);

  const call = <T = Tag>(method: string, path: string, body?: unknown) =>
    rest<T>(server.url, method, path, { token: user.accessToken, body });

  it('creates (201), lists, renames and deletes (204) tags', async () => {
    const created = await call('POST', '/api/tags', { name: 'Work', color: '#FF0000' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Work', color: '#FF0000' });
    const { id } = created.body;

    const list = await call<Tag[]>('GET', `/api/${user.id}/tags`);
    expect([list.status, list.body.map((t) => t.name)]).toEqual([200, ['Work']]);

    const renamed = await call('PUT', `/api/tags/${id}`, { name: 'Office', color: null });
    expect([renamed.status, renamed.body.name, renamed.body.color]).toEqual([200, 'Office', null]);

    const duplicate = await call('POST', '/api/tags', { name: 'office' });
    expect([duplicate.status, errorOf(duplicate).code, errorOf(duplicate).field]).toEqual([
      409,
      'CONFLICT',
      'name',
    ]);

    const deleted = await call('DELETE', `/api/${user.id}/tags/${id}`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await call<Tag[]>('GET', '/api/tags')).body).toEqual([]);
  });

  it('puts tags on tasks and filters tasks by them', async () => {
    const home = (await call('POST', '/api/tags', { name: 'Home' })).body;
    const urgent = (await call('POST', '/api/tags', { name: 'Urgent' })).body;
    const both = await call<{ id: number; tags: Tag[] }>('POST', '/api/tasks', {
      title: 'Fix the sink',
      tagIds: [urgent.id, home.id],
    });
    expect(both.body.tags.map((t) => t.name)).toEqual(['Home', 'Urgent']);
    await call('POST', '/api/tasks', { title: 'Water plants', tagIds: [home.id] });

    const titles = async (query: string) =>
      (await call<{ items: { title: string }[] }>('GET', `/api/tasks?${query}`)).body.items
        .map((t) => t.title)
        .sort();
    expect(await titles(`tagIds=${home.id}`)).toEqual(['Fix the sink', 'Water plants']);
    expect(await titles(`tagIds=${home.id},${urgent.id}`)).toEqual(['Fix the sink']);
    expect(await titles(`tagIds=${home.id}&tagIds=${urgent.id}`)).toEqual(['Fix the sink']);

    const cleared = await call<{ tags: Tag[] }>('PUT', `/api/tasks/${both.body.id}`, {
      tagIds: [],
    });
    expect(cleared.body.tags).toEqual([]);
  });
});
