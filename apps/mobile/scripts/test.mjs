// Runs the app's Jest projects and leaves the summary where the root `pnpm test` reads every
// package's report (test-results/vitest.json: Jest's --json has the same count fields).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
mkdirSync(join(root, 'test-results'), { recursive: true });
const jest = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/jest/bin/jest.js'),
    '--json',
    '--outputFile=test-results/vitest.json',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(jest.status ?? 1);
