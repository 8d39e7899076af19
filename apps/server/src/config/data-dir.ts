// Where a relative DATA_DIR points: a look at the file system, kept out of the parsing.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * A relative DATA_DIR is resolved from the workspace root (the nearest directory above `cwd`
 * holding pnpm-workspace.yaml), so `pnpm start` in apps/server and `node apps/server/dist/main.js`
 * at the root share one `.data/`; outside a checkout (a container) it is resolved from `cwd`.
 */
export function resolveDataDir(dataDir: string, cwd: string): string {
  if (isAbsolute(dataDir)) return dataDir;
  return resolve(findWorkspaceRoot(cwd) ?? cwd, dataDir);
}

function findWorkspaceRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
