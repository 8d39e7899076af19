// One version of every external dependency: pnpm-workspace.yaml's `catalog:` holds it, and every
// workspace package.json refers to it as `catalog:`. Run by `pnpm lint`; exits 1 with one line per
// problem:
//   - an external dependency declared with a version (or any protocol but `catalog:`), so two
//     packages could drift apart, as @prisma/client 7.10.0 and prisma 7.10.1 once did;
//   - a `catalog:` reference to a name the catalog does not hold;
//   - a workspace package referred to by anything but `workspace:*`;
//   - a catalog entry no package uses (a version nobody installs only misleads the reader).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

const dependencyFields = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

/**
 * @param {Record<string, string>} catalog the default catalog: name -> version
 * @param {{ location: string, manifest: Record<string, unknown> }[]} packages every workspace
 *   package's package.json, named by where it lives
 * @returns {string[]} the problems, one sentence each; empty when the workspace is consistent
 */
export function catalogProblems(catalog, packages) {
  const internal = new Set(packages.map(({ manifest }) => manifest.name).filter(Boolean));
  const used = new Set();
  const problems = [];
  for (const { location, manifest } of packages) {
    for (const field of dependencyFields) {
      for (const [name, specifier] of Object.entries(manifest[field] ?? {})) {
        const where = `${location} ${field} ${name}`;
        if (internal.has(name)) {
          if (specifier !== 'workspace:*') {
            problems.push(`${where}: "${specifier}", a workspace package is "workspace:*"`);
          }
        } else if (specifier !== 'catalog:' && specifier !== 'catalog:default') {
          problems.push(
            `${where}: "${specifier}", use "catalog:" (the version goes in the catalog)`,
          );
        } else if (!Object.hasOwn(catalog, name)) {
          problems.push(`${where}: "catalog:" but pnpm-workspace.yaml's catalog has no ${name}`);
        } else {
          used.add(name);
        }
      }
    }
  }
  for (const name of Object.keys(catalog)) {
    if (!used.has(name)) problems.push(`catalog entry ${name} is used by no package: remove it`);
  }
  return problems;
}

/** The workspace's catalog and package manifests, as pnpm itself lists the packages. */
export function readWorkspace(root) {
  const workspace = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8'));
  const projects = JSON.parse(
    execFileSync('pnpm', ['-r', 'ls', '--json', '--depth', '-1'], { cwd: root, encoding: 'utf8' }),
  );
  const packages = projects.map(({ path }) => ({
    location: join(relative(root, path), 'package.json'),
    manifest: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')),
  }));
  return { catalog: workspace.catalog ?? {}, packages };
}

if (import.meta.filename === process.argv[1]) {
  const { catalog, packages } = readWorkspace(join(import.meta.dirname, '..'));
  const problems = catalogProblems(catalog, packages);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  console.log(
    `Catalog: ${packages.length} packages, ${Object.keys(catalog).length} entries, consistent`,
  );
}
