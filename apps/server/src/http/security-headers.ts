// Headers every response carries, set before routing so no route can forget them (a route that
// knows better sets its own). Each face gets the narrowest Content-Security-Policy it works with:
// the API and the web app load only from this origin; Swagger UI needs inline styles; the tRPC
// panel (trpc-ui) is one inline-scripted page whose Monaco editor runs workers from blob: URLs.
// Nothing is ever framed by another site (frame-ancestors 'none').
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TrustProxy } from './client-ip';

const SELF_ONLY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // blob: for previews of images the user picks before uploading them; https: because an
  // asset's images are URLs anywhere on the web (docs/contract.md: imageUrls, https only), shown in the grid.
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const DOCS = SELF_ONLY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

const PANEL = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** One year; browsers remember to use HTTPS for this host. */
const HSTS = 'max-age=31536000; includeSubDomains';

const under = (pathname: string, prefix: string) =>
  pathname === prefix || pathname.startsWith(`${prefix}/`);

export function contentSecurityPolicy(pathname: string): string {
  if (under(pathname, '/panel')) return PANEL;
  if (under(pathname, '/docs')) return DOCS;
  return SELF_ONLY;
}

export function createSecurityHeaders(trustProxy: TrustProxy) {
  return function applySecurityHeaders(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): void {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('content-security-policy', contentSecurityPolicy(pathname));
    // API answers are per caller, and token responses must never be stored (RFC 6749 5.1).
    if (under(pathname, '/trpc') || under(pathname, '/api')) {
      res.setHeader('cache-control', 'no-store');
    }
    if (behindTls(req, trustProxy)) res.setHeader('strict-transport-security', HSTS);
  };
}

/** TLS on our socket, or a trusted proxy saying it terminated TLS. */
function behindTls(req: IncomingMessage, trustProxy: TrustProxy): boolean {
  if ('encrypted' in req.socket && req.socket.encrypted) return true;
  if (trustProxy.mode === 'none') return false;
  const proto = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim();
  return first === 'https';
}
