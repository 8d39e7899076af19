// CORS for the web and Expo dev servers (and production front ends) listed in CORS_ORIGINS.
// Credentials are allowed because the web client's refresh cookie must travel; an origin not on
// the list gets no CORS headers at all, so the browser keeps its response from the page.
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const DEFAULT_ALLOWED_HEADERS = 'authorization, content-type, x-request-id, trpc-accept';
/** Headers a page's script may read from our answers. */
const EXPOSED_HEADERS = 'X-Request-Id, Retry-After';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/** Returns a function that adds CORS headers and answers preflights; it returns true when it answered. */
export function createCors(origins: readonly string[]) {
  const allowed = new Set(origins);
  return function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    // Caches must not serve one origin's answer to another.
    res.appendHeader('vary', 'Origin');
    const isPreflight =
      req.method === 'OPTIONS' &&
      origin !== undefined &&
      req.headers['access-control-request-method'] !== undefined;
    const permitted = origin !== undefined && allowed.has(origin);

    if (permitted) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    }
    if (!isPreflight) return false;

    if (permitted) {
      res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
      res.setHeader(
        'access-control-allow-headers',
        req.headers['access-control-request-headers'] ?? DEFAULT_ALLOWED_HEADERS,
      );
      res.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
      res.appendHeader('vary', 'Access-Control-Request-Method, Access-Control-Request-Headers');
    }
    res.statusCode = 204;
    res.end();
    return true;
  };
}
