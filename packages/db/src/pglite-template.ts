// An empty PGlite cluster as initdb leaves it, kept as a tarball: a database started from it is
// ready in well under a second, where PGlite's initdb takes several. Tests and the offline
// schema diff start many throw-away databases, so the tarball is cached on disk per PGlite
// version (node_modules/.cache, rebuilt whenever it is missing).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

const require = createRequire(import.meta.url);
const pgliteVersion = (
  JSON.parse(
    readFileSync(join(dirname(require.resolve('@electric-sql/pglite')), '../package.json'), 'utf8'),
  ) as { version: string }
).version;

export const pgliteTemplatePath = fileURLToPath(
  new URL(`../node_modules/.cache/pglite-template/${pgliteVersion}.tar`, import.meta.url),
);

let template: Promise<Blob> | undefined;

/** The template, from the cache or made (and cached) now; once per process. */
export function loadPgliteTemplate(): Promise<Blob> {
  template ??= makeOrReadTemplate();
  return template;
}

/** The cached template's path, for other processes to load; undefined if it cannot be cached. */
export async function ensurePgliteTemplate(): Promise<string | undefined> {
  if (!existsSync(pgliteTemplatePath)) await loadPgliteTemplate();
  return existsSync(pgliteTemplatePath) ? pgliteTemplatePath : undefined;
}

async function makeOrReadTemplate(): Promise<Blob> {
  if (existsSync(pgliteTemplatePath)) return new Blob([readFileSync(pgliteTemplatePath)]);
  const pglite = await PGlite.create();
  try {
    const dump = await pglite.dumpDataDir('none');
    // Several test processes may get here at once: each writes its own file and renames it into
    // place, so a reader only ever sees a complete tarball.
    const partial = `${pgliteTemplatePath}.${process.pid}.partial`;
    try {
      mkdirSync(dirname(pgliteTemplatePath), { recursive: true });
      writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
      renameSync(partial, pgliteTemplatePath);
    } catch {
      // A read-only node_modules only costs speed: the next process runs initdb again.
    }
    return dump;
  } finally {
    await pglite.close();
  }
}
