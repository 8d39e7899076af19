import { defineConfig, mergeConfig } from 'vitest/config';
import { withCoverageThresholds } from '@repo/vitest-config';

// Component tests run in jsdom; e2e/ drives Debian's chromium against the production server
// (the bundle with the built app: turbo builds both before this package's test task).
// Coverage floor (%): measured lines 14.1 / branches 14.3, set a little below. It counts only
// what runs in Node (the component tests): the e2e suite's code runs in the browser, uncounted.
export default mergeConfig(
  withCoverageThresholds({ lines: 13, branches: 13 }),
  defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/**/*.test.ts'],
      // Two files at a time: each e2e file starts its own production server and browser, and
      // much of its time is waiting on them (CI=true on PostgreSQL, 2026-12-07: 127 -> 95-98 s,
      // every test passing in both runs).
      maxWorkers: 2,
      // expect.poll gives up after 1 s by default, which a refetch on a loaded 2-core CI machine
      // can exceed; Playwright's own waits allow 30 s.
      expect: { poll: { timeout: 10_000 } },
    },
  }),
);
