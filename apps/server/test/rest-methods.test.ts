// A known path asked with a method it does not serve answers 405 with an `Allow` header listing
// the methods it does (RFC 9110 15.5.6); an unknown path stays 404.
import { describe, expect, it } from 'vitest';
import { expectRestError, rest, useRestUser } from './helpers/rest-http';
import { useTestServer } from './helpers/test-server';

describe('REST methods', () => {
  const server = useTestServer({ config: { rateLimitAuthPoints: 10_000 } });
  const user = useRestUser(server);

  it.each([
    ['DELETE', '/api/tasks', 'GET, POST'],
    ['PATCH', '/api/tasks/1', 'DELETE, GET, PUT'],
    ['GET', '/api/tasks/1/complete', 'PATCH'],
    ['POST', '/api/tags/7', 'DELETE, PUT'],
    ['PUT', '/api/assets', 'GET, POST'],
    ['GET', '/api/v1/auth/login', 'POST'],
    ['GET', '/api/v1/auth/token', 'POST'],
    ['DELETE', '/api/v1/auth/me', 'GET'],
  ])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    const reply = await rest(server.url, method, path, { token: user.accessToken });
    expectRestError(reply, 405, 'METHOD_NOT_ALLOWED');
    expect(reply.headers.get('allow')).toBe(allow);
  });

  it('answers 405 under /api/{userId} too, before looking at the user', async () => {
    const reply = await rest(server.url, 'DELETE', `/api/${user.id}/tasks`, {
      token: user.accessToken,
    });
    expectRestError(reply, 405, 'METHOD_NOT_ALLOWED');
    expect(reply.headers.get('allow')).toBe('GET, POST');
  });

  it('keeps 404 for paths no method serves', async () => {
    expectRestError(
      await rest(server.url, 'GET', '/api/nothing-here', { token: user.accessToken }),
      404,
      'NOT_FOUND',
    );
    expectRestError(
      await rest(server.url, 'GET', '/api/tasks/1/2/3', { token: user.accessToken }),
      404,
      'NOT_FOUND',
    );
  });
});
