// Summarises V8 CPU profiles (`pnpm bench --cpu-prof` writes one per server process): where the
// busy time went, by package and by function. Usage: tsx src/profile-summary.ts <file|dir>...
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
}

/** node_modules/.pnpm/<name@version>/node_modules/<name>/... -> <name>; our code by folder. */
export function packageOf(url: string): string {
  if (!url) return '(native / V8)';
  const parts = url.split('/node_modules/');
  const last = parts.at(-1) ?? url;
  if (parts.length > 1) {
    const [scope = '', name = ''] = last.split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith('node:')) return url.replace(/^node:internal\/(deps\/)?/, 'node:');
  return /\/(apps|packages)\/[^/]+/.exec(url)?.[0].slice(1) ?? url;
}

function files(paths: string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith('.cpuprofile'))
          .map((f) => join(path, f))
      : [path],
  );
}

function summarise(paths: string[], top = 25): string {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const file of files(paths)) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      const { functionName, url, lineNumber } = node.callFrame;
      // Idle is the loop waiting: not cost. Everything else, GC included, is.
      if (hits === 0 || functionName === '(idle)') continue;
      busy += hits;
      const pkg = functionName.startsWith('(') ? functionName : packageOf(url);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
      const fn = `${functionName || '(anonymous)'} ${packageOf(url)}:${lineNumber + 1}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
    }
  }
  const table = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => `${((100 * hits) / busy).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  return `Busy samples: ${busy}\n\nBy package:\n${table(byPackage)}\n\nBy function (self time):\n${table(byFunction)}`;
}

const args = process.argv.slice(2).filter((arg) => arg !== '--');
if (args.length === 0) {
  console.error('Usage: tsx src/profile-summary.ts <profile.cpuprofile | directory>...');
  process.exit(2);
}
console.log(summarise(args));
