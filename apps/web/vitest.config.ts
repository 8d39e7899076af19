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
    },
  }),
);
