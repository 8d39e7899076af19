// Runs every package's tests through turbo, then prints one closing line for the whole run.
// Database tests run on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const packages = ['packages/validators', 'packages/db', 'packages/auth', 'packages/api', 'packages/client', 'apps/server', 'apps/web', 'bench'];
const reportOf = (dir) => join(root, dir, 'test-results', 'vitest.json');
for (const dir of packages) rmSync(reportOf(dir), { force: true });

if (!process.env.TEST_DATABASE_URL) {
  console.log(
    'Notice: PostgreSQL not tested (TEST_DATABASE_URL unset); set it, e.g. ' +
      'TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres, to run the database tests there too.',
  );
}

const turbo = spawnSync('pnpm', ['exec', 'turbo', 'run', 'test', '--concurrency=1', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of packages) {
  const report = reportOf(dir);
  if (!existsSync(report)) {
    console.log(`No test report from ${dir}`);
    failed++;
    continue;
  }
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(turbo.status === 0 && failed === 0 ? 0 : 1);
