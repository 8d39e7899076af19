// The web app (apps/web's Vite build) at `/`. Hashed files under /assets/ never change, so they
// are cached for a year; index.html is answered for every other path that is not a file (the
// app's own routes: /tasks, /tags...) when a browser navigates, and is never cached, so a deploy
// reaches the next load.
// Registered last in app.ts: /trpc, /api, /docs, /panel, /openapi.json and health keep theirs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from '../http/routes';
import { sendProblem } from '../http/json-response';
import { sendFileUnder } from '../http/static-files';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Where the build is: dist/web next to the server bundle (scripts/build.mjs copies it), or
 * apps/web/dist when the server runs from source.
 */
export function findWebAppDir(): string | undefined {
  const candidates = [
    new URL('./web', import.meta.url),
    new URL('../../../web/dist', import.meta.url),
  ];
  return candidates
    .map((url) => fileURLToPath(url))
    .find((dir) => existsSync(join(dir, 'index.html')));
}

export function webAppRoute(dir: string): Route {
  const index = readFileSync(join(dir, 'index.html'));
  return {
    path: '/',
    prefix: true,
    methods: ['GET', 'HEAD'],
    async handle({ req, res, pathname }) {
      const method = req.method ?? 'GET';
      let relative: string;
      try {
        relative = decodeURIComponent(pathname).replace(/^\/+/, '');
      } catch {
        relative = '';
      }
      // Files only; sendFileUnder refuses directories and anything resolving outside `dir`.
      if (relative && !relative.endsWith('/')) {
        res.setHeader('x-content-type-options', 'nosniff');
        if (relative.startsWith('assets/')) {
          const sent = await sendFileUnder(res, dir, relative, method, IMMUTABLE);
          if (sent) return;
          // A stale hashed name (an old tab after a deploy) must not get the HTML page.
          return sendProblem(res, 404, 'NOT_FOUND', 'Not found');
        }
        if (relative !== 'index.html' && (await sendFileUnder(res, dir, relative, method))) return;
      }
      // The page is for navigations; a script or API client asking for a missing path gets the
      // same 404 as anywhere else on this server.
      if (!(req.headers.accept ?? '').includes('text/html')) {
        return sendProblem(res, 404, 'NOT_FOUND', 'Not found');
      }
      res.statusCode = 200;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-length', index.length);
      res.setHeader('cache-control', 'no-cache');
      res.setHeader('x-content-type-options', 'nosniff');
      res.end(method === 'HEAD' ? undefined : index);
    },
  };
}
