// Seed 000's KLECTR client over plain fetch: asset CRUD and cursor listing under /api/assets and
// /api/{userId}/assets, owner-scoped like every collection.
import { testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import { type RestUser, errorOf, registerRest, rest, useRestUser } from './helpers/rest-http';
import { useTestServer } from './helpers/test-server';

interface Asset {
  id: string;
  ownerId: string;
  name: string;
  estimatedValueCents: number | null;
  currency: string;
  tags: string[];
  metadata: Record<string, unknown>;
  acquiredAt: string | null;
}

describe.each(testEngines)('REST assets on %s', (engine) => {
  const server = useTestServer({ engine, config: { rateLimitAuthPoints: 10_000 } });
  const ada = useRestUser(server);
  const bob = useRestUser(server);

  const call = <T = Asset>(user: RestUser, method: string, path: string, body?: unknown) =>
    rest<T>(server.url, method, path, { token: user.accessToken, body });

  it.each([
    ['/api/assets', () => '/api/assets'],
    ['/api/{userId}/assets', () => `/api/${ada.id}/assets`],
  ])('creates (201), lists, reads, updates and deletes (204) under %s', async (_name, base) => {
    const created = await call(ada, 'POST', base(), {
      name: 'Charizard holo',
      estimatedValueCents: 125_000,
      acquiredAt: '2020-03-01T00:00:00Z',
      tags: ['Pokemon', 'pokemon', 'Holo'],
      metadata: { set: 'Base', number: 4 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ownerId: ada.id,
      currency: 'USD',
      estimatedValueCents: 125_000,
      tags: ['Pokemon', 'Holo'],
      metadata: { set: 'Base', number: 4 },
      acquiredAt: '2020-03-01T00:00:00.000Z',
    });
    const { id } = created.body;

    const page = await call<{ items: Asset[]; nextCursor: string | null }>(
      ada,
      'GET',
      `${base()}?limit=10&tag=holo`,
    );
    expect([page.status, page.body.items.map((a) => a.id)]).toEqual([200, [id]]);
    expect((await call(ada, 'GET', `${base()}/${id}`)).body.name).toBe('Charizard holo');

    const updated = await call(ada, 'PUT', `${base()}/${id}`, {
      name: 'Charizard (1st ed.)',
      estimatedValueCents: null,
    });
    expect([updated.status, updated.body.name, updated.body.estimatedValueCents]).toEqual([
      200,
      'Charizard (1st ed.)',
      null,
    ]);

    const deleted = await call(ada, 'DELETE', `${base()}/${id}`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await call(ada, 'GET', `${base()}/${id}`)).status).toBe(404);
  });

  it("keeps assets to their owner: another user's id and another user's path answer 404", async () => {
    const asset = (await call(ada, 'POST', '/api/assets', { name: 'Mine' })).body;
    for (const [method, path] of [
      ['GET', `/api/assets/${asset.id}`],
      ['DELETE', `/api/assets/${asset.id}`],
      ['GET', `/api/${ada.id}/assets/${asset.id}`],
    ] as const) {
      const res = await call(bob, method, path);
      expect([method, path, res.status, errorOf(res).code]).toEqual([
        method,
        path,
        404,
        'NOT_FOUND',
      ]);
    }
    expect((await call(ada, 'GET', `/api/assets/${asset.id}`)).status).toBe(200);
  });

  it('pages with the cursor and rejects bad input naming the field', async () => {
    const user = await registerRest(server.url);
    for (const name of ['a', 'b', 'c']) await call(user, 'POST', '/api/assets', { name });
    const first = await call<{ items: Asset[]; nextCursor: string }>(
      user,
      'GET',
      '/api/assets?sort=name&order=asc&limit=2',
    );
    const rest2 = await call<{ items: Asset[]; nextCursor: null }>(
      user,
      'GET',
      `/api/assets?sort=name&order=asc&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect([...first.body.items, ...rest2.body.items].map((a) => a.name)).toEqual(['a', 'b', 'c']);
    expect(rest2.body.nextCursor).toBeNull();

    const insecure = await call(user, 'POST', '/api/assets', {
      name: 'x',
      imageUrls: ['http://example.com/a.png'],
    });
    expect([insecure.status, errorOf(insecure).field]).toEqual([400, 'imageUrls.0']);
    const negative = await call(user, 'POST', '/api/assets', { name: 'x', purchasePriceCents: -1 });
    expect([negative.status, errorOf(negative).field]).toEqual([400, 'purchasePriceCents']);
    const badId = await call(user, 'GET', '/api/assets/not-a-uuid');
    expect([badId.status, errorOf(badId).field]).toEqual([400, 'id']);
  });
});
