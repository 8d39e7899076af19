// Files of npm packages served as they are (Swagger UI for /docs, Monaco for /panel), so the
// pages work offline and never ask a CDN. Small sets are read into memory once at start-up;
// large trees (Monaco) are streamed from disk, confined to their directory.
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/** Package files do not change while the process runs; an hour keeps reloads cheap. */
const CACHE_CONTROL = 'public, max-age=3600';

export interface StaticAsset {
  body: Buffer;
  type: string;
  /** Default: cached for an hour. Pages built from the router say 'no-cache'. */
  cacheControl?: string;
}

export function contentTypeOf(name: string): string {
  return TYPES[extname(name)] ?? 'application/octet-stream';
}

/** Reads the named files of `dir` now, so serving them is a map lookup. */
export function loadAssets(dir: string, names: readonly string[]): Map<string, StaticAsset> {
  return new Map(
    names.map((name) => [name, { body: readFileSync(join(dir, name)), type: contentTypeOf(name) }]),
  );
}

export function sendAsset(res: ServerResponse, asset: StaticAsset, method: string): void {
  res.statusCode = 200;
  res.setHeader('content-type', asset.type);
  res.setHeader('content-length', asset.body.length);
  res.setHeader('cache-control', asset.cacheControl ?? CACHE_CONTROL);
  res.end(method === 'HEAD' ? undefined : asset.body);
}

/**
 * Serves `relativePath` from under `root`; resolves false (nothing sent) when there is no such
 * file, or when the path tries to leave `root`.
 */
export async function sendFileUnder(
  res: ServerResponse,
  root: string,
  relativePath: string,
  method: string,
  cacheControl = CACHE_CONTROL,
): Promise<boolean> {
  const base = resolve(root);
  const file = resolve(base, relativePath);
  if (!file.startsWith(base + sep) || relativePath.includes('\0')) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.statusCode = 200;
  res.setHeader('content-type', contentTypeOf(file));
  res.setHeader('content-length', info.size);
  res.setHeader('cache-control', cacheControl);
  if (method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((done, fail) => {
    createReadStream(file).on('error', fail).pipe(res).on('finish', done).on('close', done);
  });
  return true;
}
