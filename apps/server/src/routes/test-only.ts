// Routes that exist only when NODE_ENV=test, for tests that need the real socket path: a request
// that stays in flight (graceful shutdown) and what the adapter made of a request (client IP).
import { sendJson } from '../http/json-response';
import type { Route } from '../http/routes';

const MAX_SLOW_MS = 10_000;

export function testOnlyRoutes(): Route[] {
  return [
    {
      // Sends its headers at once, so a test knows the request is in flight, and its body after ?ms.
      path: '/__test/slow',
      methods: ['GET'],
      handle({ res, query }) {
        const ms = Math.min(Number(new URLSearchParams(query).get('ms')) || 0, MAX_SLOW_MS);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.flushHeaders();
        return new Promise<void>((resolve) => {
          setTimeout(() => {
            res.end(JSON.stringify({ done: true, ms }));
            resolve();
          }, ms);
        });
      },
    },
    {
      path: '/__test/request-info',
      methods: ['GET'],
      handle({ res, requestId, ip }) {
        sendJson(res, 200, { requestId, ip });
      },
    },
  ];
}
