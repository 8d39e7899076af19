// One test configuration for every package: generous timeouts for real databases, a JSON
// report per package that scripts/test.mjs sums into one closing line, and V8 coverage when
// COVERAGE=1 or in CI (CI=true), its summary printed after the tests.
//
// A package joins the coverage gate with one line in its vitest.config.ts:
//   export default withCoverageThresholds({ lines: 80, branches: 70 });
// (measure with `COVERAGE=1 npx vitest run` in the package, then set each a little below).
import { defineConfig, mergeConfig } from 'vitest/config';

const coverageOn = process.env.COVERAGE === '1' || process.env.CI === 'true';

const config = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    coverage: {
      enabled: coverageOn,
      provider: 'v8',
      include: ['src/**/*.{ts,tsx,js,mjs}'],
      exclude: ['src/**/*.test.{ts,tsx}', 'src/generated/**', 'src/**/*.d.ts'],
      reporter: ['text-summary', ['json-summary', { file: 'coverage-summary.json' }]],
      reportsDirectory: 'coverage',
      // The summary also when a test failed: a red run still shows what it covered.
      reportOnFailure: true,
    },
  },
});

export default config;

/** The shared configuration with this package's coverage floor (percent, lines and branches). */
export function withCoverageThresholds({ lines, branches }) {
  return mergeConfig(
    config,
    defineConfig({ test: { coverage: { thresholds: { lines, branches } } } }),
  );
}
