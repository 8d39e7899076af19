// Calls authenticated by the refresh cookie (auth.refresh, auth.logout) act for whoever's
// browser holds it, so they are honoured only from pages we trust: the server's own origin (the
// web app at /) and CORS_ORIGINS. SameSite=Strict already stops cross-site pages; this also
// stops same-site ones (another subdomain) and form posts. A request from elsewhere is treated
// as having no cookie. Clients that are not browsers send no Origin and no cookie.
import type { IncomingMessage } from 'node:http';

export function createCookieOriginCheck(corsOrigins: readonly string[]) {
  const allowed = new Set(corsOrigins);
  return function cookieOriginAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) {
      // No Origin: a same-origin GET, or not a browser; a browser's cross-site fetch says so.
      const site = req.headers['sec-fetch-site'];
      return site === undefined || site === 'same-origin' || site === 'none';
    }
    if (allowed.has(origin)) return true;
    // Same origin: the page's host is ours (scheme aside: TLS may end at a proxy).
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false; // "null" (sandboxed frames, file:) and garbage
    }
  };
}
