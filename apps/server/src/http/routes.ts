// The route table: each face of the server (tRPC, health, and later the REST mirror under /api,
// /openapi.json, /docs and /panel) is one entry, so mounting one is adding a line in app.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the adapter knows about a request before any route sees it. */
export interface HttpContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The path without the query string. */
  pathname: string;
  /** The query string without its `?`; parsed only by the routes that read it (tRPC parses its own). */
  query: string;
  requestId: string;
  ip: string;
}

export interface Route {
  /** An exact path, or with `prefix` every path under it (`/trpc` matches `/trpc/a.b`; `/` all). */
  path: string;
  prefix?: boolean;
  /** Absent: every method. */
  methods?: readonly string[];
  /**
   * True when the handler enforces BODY_LIMIT_BYTES itself so its 413 keeps the face's own
   * error format (tRPC's envelope); otherwise the adapter answers 413 from Content-Length.
   */
  ownsBodyLimit?: boolean;
  handle(http: HttpContext): void | Promise<void>;
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
): Route | undefined {
  return routes.find(
    (route) =>
      (route.prefix
        ? pathname === route.path ||
          pathname.startsWith(route.path.endsWith('/') ? route.path : `${route.path}/`)
        : pathname === route.path) &&
      (!route.methods || route.methods.includes(method)),
  );
}
