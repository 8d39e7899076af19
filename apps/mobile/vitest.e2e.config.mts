// The end-to-end run on the web export (Jest runs the component tests). Its own report file:
// scripts/test.mjs adds it to Jest's in the summary the root `pnpm test` reads.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
  },
});
