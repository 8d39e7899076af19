// /panel: the developer panel (trpc-ui-zod4), rendered once at start-up from the router, with
// its Monaco editor served from the monaco-editor package instead of the CDN the panel's
// bundle names, so the page works offline and sends nothing to a third party.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { AnyTRPCRouter } from '@trpc/server';
import { appRouter } from '@repo/api';
import { renderTrpcPanel } from 'trpc-ui-zod4';
import { sendProblem } from '../http/json-response';
import type { Route } from '../http/routes';
import { type StaticAsset, sendAsset, sendFileUnder } from '../http/static-files';
import { PANEL_DESCRIPTION } from './panel-description';
import { panelView } from './panel-view';

export const PANEL_PATH = '/panel';
const MONACO_PATH = `${PANEL_PATH}/monaco/vs`;
const MONACO_CDN = /https:\/\/cdn\.jsdelivr\.net\/npm\/monaco-editor@[\w.-]+\/min\/vs/g;

/** The panel's HTML, pointing Monaco at our copy; throws if the bundle changed under us. */
export function renderPanel(router: AnyTRPCRouter, trpcUrl: string): string {
  const html = renderTrpcPanel(panelView(router), {
    url: trpcUrl,
    transformer: 'superjson',
    meta: { title: 'tRPC panel', description: PANEL_DESCRIPTION },
  });
  const local = html.replace(MONACO_CDN, MONACO_PATH);
  if (local === html || /cdn\.jsdelivr\.net/.test(local)) {
    // A new trpc-ui-zod4 loads Monaco some other way: better no panel than one calling a CDN.
    throw new Error(
      'trpc-ui-zod4: the Monaco CDN URL to replace was not found; see panel-route.ts',
    );
  }
  return local;
}

export function panelRoute(trpcUrl: string, router: AnyTRPCRouter = appRouter): Route {
  const page: StaticAsset = {
    body: Buffer.from(renderPanel(router, trpcUrl)),
    type: 'text/html; charset=utf-8',
    cacheControl: 'no-cache',
  };
  // monaco-editor's CommonJS entry is min/vs/index.js: its directory is the AMD tree.
  const monacoRoot = dirname(createRequire(import.meta.url).resolve('monaco-editor'));

  return {
    path: PANEL_PATH,
    prefix: true,
    methods: ['GET', 'HEAD'],
    async handle({ req, res, pathname }) {
      const method = req.method ?? 'GET';
      if (pathname === PANEL_PATH || pathname === `${PANEL_PATH}/`) {
        return sendAsset(res, page, method);
      }
      const served =
        pathname.startsWith(`${MONACO_PATH}/`) &&
        (await sendFileUnder(res, monacoRoot, pathname.slice(MONACO_PATH.length + 1), method));
      if (!served) sendProblem(res, 404, 'NOT_FOUND', 'Not found');
    },
  };
}
