// The app's whole test run, and the report the root `pnpm test` reads (test-results/summary.json,
// scripts/test.mjs at the root): the component tests (Jest, jest-expo) and the web export built
// for the e2e server address, then the tests on that export (vitest: the bundle holds no server
// code; the app in Chromium against the production server). Every stage runs even when an
// earlier one failed, so one report counts them all. The component tests and the export run at
// once: on 2 cores each keeps about one busy (Jest's one worker, Metro's one transformer), and
// this step took 103 s that way against ~170 s one after the other (CI, cold Metro cache).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countsOfReportFile, sumCounts } from '../../../scripts/test-summary.mjs';
import { E2E_API_URL } from '../e2e/helpers/export-build.ts';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
const reports = { jest: join(results, 'jest.json'), e2e: join(results, 'e2e.json') };
mkdirSync(results, { recursive: true });
for (const file of [...Object.values(reports), join(results, 'summary.json')]) {
  rmSync(file, { force: true });
}

/**
 * Runs a command to its end; true when it exited 0. With `quiet` its output is held back and
 * printed in one piece when it ends, so two stages running at once do not interleave their logs.
 */
const run = (command: string, args: string[], env: Record<string, string> = {}, quiet = false) =>
  new Promise<boolean>((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    const held: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => held.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => held.push(chunk));
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(false);
    });
    child.on('close', (code) => {
      if (held.length > 0) process.stdout.write(Buffer.concat(held));
      resolve(code === 0);
    });
  });

const bin = (name: string) => join(root, 'node_modules/.bin', name);

const [componentsPassed, exported] = await Promise.all([
  run(bin('jest'), ['--json', `--outputFile=${reports.jest}`]),
  run(
    bin('expo'),
    ['export', '--platform', 'web', '--output-dir', 'dist'],
    { EXPO_PUBLIC_API_URL: E2E_API_URL, EXPO_OFFLINE: '1', EXPO_NO_TELEMETRY: '1' },
    true,
  ),
]);
const e2ePassed =
  exported && (await run(bin('vitest'), ['run', '--config', 'vitest.e2e.config.mts']));

// The root's reader of test reports: one rule for what counts as a failure (a missing report, a
// file that failed to load), here and in `pnpm test`'s closing line.
const { passed, failed, skipped } = sumCounts([reports.jest, reports.e2e].map(countsOfReportFile));
const summary = { passed, failed, skipped };
writeFileSync(join(results, 'summary.json'), `${JSON.stringify(summary)}\n`);
console.log(
  `mobile: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped` +
    (exported ? '' : ' (the web export did not build, so its tests did not run)'),
);
// A coverage floor missed fails Jest's command with every test green: still a failure.
process.exit(componentsPassed && e2ePassed && summary.failed === 0 ? 0 : 1);
