// CI's smoke run of the whole harness: `pnpm bench --quick` against the PostgreSQL server in
// TEST_DATABASE_URL (it creates and drops its own database there). Only "no request failed" is
// asserted (the run's exit code); timings on a CI machine prove nothing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const url = process.env.TEST_DATABASE_URL || undefined;
const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

describe('pnpm bench --quick', () => {
  it.skipIf(!url)(
    url
      ? 'runs every scenario on both servers without a failed request'
      : 'runs every scenario without a failed request (skipped: TEST_DATABASE_URL is not set)',
    () => {
      const run = spawnSync(
        process.execPath,
        ['--import', import.meta.resolve('tsx'), 'src/run.ts', '--quick'],
        {
          cwd: BENCH_DIR,
          env: { ...process.env, BENCH_DATABASE_URL: url },
          encoding: 'utf8',
          timeout: 280_000,
        },
      );
      // The run's own table and FAILED lines are the useful message when this fails.
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    },
    300_000,
  );
});
