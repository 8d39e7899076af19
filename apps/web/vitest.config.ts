import { defineConfig, mergeConfig } from 'vitest/config';
import base from '@repo/vitest-config';

// Component tests run in jsdom; e2e/ drives Debian's chromium against the production server
// (the bundle with the built app: turbo builds both before this package's test task).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/**/*.test.ts'],
      fileParallelism: false,
      // expect.poll gives up after 1 s by default, which a refetch on a loaded 2-core CI machine
      // can exceed; Playwright's own waits allow 30 s.
      expect: { poll: { timeout: 10_000 } },
    },
  }),
);
