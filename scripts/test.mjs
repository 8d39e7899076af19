// Runs every package's tests through turbo, then prints one closing line for the whole run.
// Database tests run on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set.
//
// The packages are the workspace's (pnpm-workspace.yaml) that have a `test` script. Each must
// leave a report in its test-results/ directory: vitest's JSON report (the shared
// tooling/vitest config writes test-results/vitest.json), or, for another runner such as jest,
// test-results/summary.json with {"passed": n, "failed": n, "skipped": n}. A package without a
// report, a failed test, and a test file that failed to load all count as failures.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { closingLine, countsOf, reportFiles } from './test-summary.mjs';

const root = join(import.meta.dirname, '..');
const projects = JSON.parse(
  execFileSync('pnpm', ['-r', 'ls', '--json', '--depth', '-1'], { cwd: root, encoding: 'utf8' }),
);
const packages = projects
  .map((project) => project.path)
  .filter(
    (dir) =>
      dir !== root && JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts?.test,
  );
for (const dir of packages) {
  for (const file of reportFiles) rmSync(join(dir, 'test-results', file), { force: true });
}

if (!process.env.TEST_DATABASE_URL) {
  console.log(
    'Notice: PostgreSQL not tested (TEST_DATABASE_URL unset); set it, e.g. ' +
      'TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres, to run the database tests there too.',
  );
}

const turbo = spawnSync(
  'pnpm',
  // --continue: one failing package must not hide the others' results.
  ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  },
);

const counts = packages.map((dir) => {
  const c = countsOf(dir);
  if (c.missing) console.log(`No test report from ${relative(root, dir)}`);
  if (c.unloaded) console.log(`${relative(root, dir)}: ${c.unloaded} test file(s) failed to load`);
  return c;
});
const { failed, line } = closingLine(counts);
console.log(line);
if (turbo.status !== 0 && failed === 0) {
  // Every test passed yet a test command failed: coverage under its floor, or a crash after the
  // tests; its own output above says which.
  console.log("A package's test command failed outside its tests (coverage floor?): see above.");
}
process.exit(turbo.status === 0 && failed === 0 ? 0 : 1);
