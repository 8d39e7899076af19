// /openapi.json and /docs: the document, serialised once at start-up, and Swagger UI served from
// the swagger-ui-dist package (no CDN, no web font), configured to read that document.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { sendProblem } from '../http/json-response';
import type { Route } from '../http/routes';
import { type StaticAsset, loadAssets, sendAsset } from '../http/static-files';
import { swaggerInitScript, swaggerPage } from './swagger-page';

export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

const SWAGGER_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'] as const;

export function docsRoutes(document: object): Route[] {
  // Regenerated on every start, so browsers must ask again rather than keep an old copy.
  const fresh = (body: string, type: string): StaticAsset => ({
    body: Buffer.from(body),
    type,
    cacheControl: 'no-cache',
  });
  const json = fresh(JSON.stringify(document), 'application/json; charset=utf-8');
  const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist'));
  const assets = loadAssets(swaggerDir, SWAGGER_FILES);
  const files = new Map<string, StaticAsset>([
    [DOCS_PATH, fresh(swaggerPage(), 'text/html; charset=utf-8')],
    [
      `${DOCS_PATH}/init.js`,
      fresh(swaggerInitScript(OPENAPI_PATH), 'text/javascript; charset=utf-8'),
    ],
    ...[...assets].map(([name, asset]) => [`${DOCS_PATH}/assets/${name}`, asset] as const),
  ]);

  return [
    {
      path: OPENAPI_PATH,
      methods: ['GET', 'HEAD'],
      handle: ({ req, res }) => sendAsset(res, json, req.method ?? 'GET'),
    },
    {
      path: DOCS_PATH,
      prefix: true,
      methods: ['GET', 'HEAD'],
      handle({ req, res, pathname }) {
        const file = files.get(pathname === `${DOCS_PATH}/` ? DOCS_PATH : pathname);
        if (!file) return sendProblem(res, 404, 'NOT_FOUND', 'Not found');
        sendAsset(res, file, req.method ?? 'GET');
      },
    },
  ];
}
