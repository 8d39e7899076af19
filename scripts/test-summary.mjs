// Sums the per-package test reports into the one closing line of `pnpm test`.
// Two report formats are accepted, looked for in each package's test-results/ directory:
// - vitest.json: vitest's JSON reporter (the shared tooling/vitest config writes it);
// - summary.json: {"passed": n, "failed": n, "skipped": n}, for a package whose runner is not
//   vitest (e.g. jest in apps/mobile): its `test` script must write it on every run, and sums
//   its own JSON reports with countsOfReportFile and sumCounts below.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ passed: number, failed: number, skipped: number, unloaded: number }} Counts
 * (unloaded: test files that failed to load, already among the failed)
 */

export const reportFiles = ['vitest.json', 'summary.json'];

const missingReport = { passed: 0, failed: 1, skipped: 0, unloaded: 0, missing: true };

/** Counts of one package's report; a missing report counts as one failure. */
export function countsOf(dir) {
  const [vitest, summary] = reportFiles.map((file) => join(dir, 'test-results', file));
  if (existsSync(vitest)) return countsOfReportFile(vitest);
  if (existsSync(summary)) return countsOfSummary(JSON.parse(readFileSync(summary, 'utf8')));
  return missingReport;
}

/**
 * Counts of one vitest or Jest JSON report file; a missing one counts as one failure.
 * @param {string} file
 * @returns {Counts}
 */
export function countsOfReportFile(file) {
  if (!existsSync(file)) return missingReport;
  return countsOfJsonReport(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * Vitest's JSON reporter and Jest's --json share these fields. A test file that throws at
 * import has no test results, so numFailedTests misses it: its suite's status is "failed" with
 * no failed assertion. Each such file counts as one failure.
 */
export function countsOfJsonReport(report) {
  const unloaded = (report.testResults ?? []).filter(
    (suite) =>
      suite.status === 'failed' &&
      !(suite.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + unloaded,
    skipped: report.numPendingTests + report.numTodoTests,
    unloaded,
    missing: false,
  };
}

export function countsOfSummary(summary) {
  for (const key of ['passed', 'failed', 'skipped']) {
    if (!Number.isInteger(summary[key]) || summary[key] < 0) {
      throw new Error(`test-results/summary.json: "${key}" must be a count, got ${summary[key]}`);
    }
  }
  return {
    passed: summary.passed,
    failed: summary.failed,
    skipped: summary.skipped,
    unloaded: 0,
    missing: false,
  };
}

/**
 * @param {Counts[]} counts
 * @returns {Counts}
 */
export function sumCounts(counts) {
  return counts.reduce(
    (sum, c) => ({
      passed: sum.passed + c.passed,
      failed: sum.failed + c.failed,
      skipped: sum.skipped + c.skipped,
      unloaded: sum.unloaded + c.unloaded,
    }),
    { passed: 0, failed: 0, skipped: 0, unloaded: 0 },
  );
}

export function closingLine(counts) {
  const total = sumCounts(counts);
  const unloaded = total.unloaded
    ? ` (${total.unloaded} of them test files that failed to load)`
    : '';
  return {
    failed: total.failed,
    line: `Tests: ${total.passed} passed, ${total.failed} failed${unloaded}, ${total.skipped} skipped`,
  };
}
