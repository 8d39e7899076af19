// Bundles the server into dist/main.js. Workspace packages (@repo/*) export TypeScript source, so
// they are compiled in; every other package stays a plain import resolved from node_modules at
// run time, and must therefore be a dependency of @repo/server itself: pnpm gives each package
// only its own dependencies, and `pnpm deploy --prod` installs only the server's. The build fails
// when bundled code imports a package the server does not declare.
//
// Usage: node scripts/build.mjs [--outdir <dir>]   (default: dist)
import { existsSync } from 'node:fs';
import { cp, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const serverDir = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
const outdir = resolve(serverDir, values.outdir);
const pkg = JSON.parse(await readFile(join(serverDir, 'package.json'), 'utf8'));
const runtimeDependencies = new Set(Object.keys(pkg.dependencies ?? {}));

/** 'a/b' -> 'a', '@s/a/b' -> '@s/a' */
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const undeclared = new Map();
const externalizeDependencies = {
  name: 'externalize-dependencies',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.path.startsWith('@repo/')) return undefined;
      const name = packageName(args.path);
      if (!runtimeDependencies.has(name)) {
        undeclared.set(name, relative(serverDir, args.importer));
      }
      return { path: args.path, external: true };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(serverDir, 'src/main.ts')],
  outfile: join(outdir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externalizeDependencies],
});

if (undeclared.size > 0) {
  const lines = [...undeclared].map(([name, importer]) => `  ${name} (imported by ${importer})`);
  console.error(
    `The bundle imports packages that are not dependencies of @repo/server; add each with the\n` +
      `version its workspace package uses (pnpm --filter @repo/server add <name>@<version>):\n${lines.join('\n')}`,
  );
  process.exit(1);
}

// The password pool's worker is loaded by file next to the code that starts it (password.ts
// resolves it from import.meta.url, which in the bundle is dist/main.js).
await cp(
  join(serverDir, '../../packages/auth/src/password-worker.mjs'),
  join(outdir, 'password-worker.mjs'),
);

// Migrations travel with the bundle: at run time there is no repository to find them in.
await cp(join(serverDir, '../../prisma/migrations'), join(outdir, 'migrations'), {
  recursive: true,
});
// The web app is served from dist/web (turbo builds @repo/web first: a dev dependency).
const webDist = join(serverDir, '../web/dist');
if (existsSync(join(webDist, 'index.html'))) {
  await cp(webDist, join(outdir, 'web'), { recursive: true });
} else {
  console.warn('apps/web/dist is missing: the bundle serves no web app (build @repo/web first)');
}
console.log(`Built ${relative(process.cwd(), join(outdir, 'main.js'))}`);
