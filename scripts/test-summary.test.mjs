// The closing line of `pnpm test` (node --test: the root has no vitest of its own).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { closingLine, countsOf, countsOfReportFile, sumCounts } from './test-summary.mjs';

function packageWith(file, report) {
  const dir = mkdtempSync(join(tmpdir(), 'test-summary-'));
  if (file) {
    mkdirSync(join(dir, 'test-results'));
    writeFileSync(join(dir, 'test-results', file), JSON.stringify(report));
  }
  return dir;
}

const vitestReport = (testResults, counts) => ({
  numPassedTests: 0,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  ...counts,
  testResults,
});

test('a test file that failed to load counts as a failure', () => {
  const dir = packageWith(
    'vitest.json',
    vitestReport(
      [
        { status: 'passed', assertionResults: [{ status: 'passed' }, { status: 'passed' }] },
        { status: 'failed', message: 'Error: boom at import', assertionResults: [] },
      ],
      { numPassedTests: 2, numFailedTestSuites: 1 },
    ),
  );
  const result = closingLine([countsOf(dir)]);
  assert.equal(result.failed, 1);
  assert.equal(
    result.line,
    'Tests: 2 passed, 1 failed (1 of them test files that failed to load), 0 skipped',
  );
});

test('a failed test is counted once, not again for its file', () => {
  const dir = packageWith(
    'vitest.json',
    vitestReport(
      [{ status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'passed' }] }],
      {
        numPassedTests: 1,
        numFailedTests: 1,
        numPendingTests: 2,
        numTodoTests: 1,
      },
    ),
  );
  assert.equal(closingLine([countsOf(dir)]).line, 'Tests: 1 passed, 1 failed, 3 skipped');
});

test('summary.json is the report of a runner that is not vitest', () => {
  const dir = packageWith('summary.json', { passed: 5, failed: 0, skipped: 1 });
  assert.equal(closingLine([countsOf(dir)]).line, 'Tests: 5 passed, 0 failed, 1 skipped');
  assert.throws(
    () => countsOf(packageWith('summary.json', { passed: 5 })),
    /"failed" must be a count/,
  );
});

test('a package without a report is a failure', () => {
  const counts = countsOf(packageWith(undefined));
  assert.equal(counts.missing, true);
  assert.equal(closingLine([counts]).failed, 1);
});

test("a runner's own JSON reports (apps/mobile: Jest and the e2e vitest) sum, a missing one failing", () => {
  const jest = join(
    packageWith('jest.json', {
      ...vitestReport([{ status: 'failed', assertionResults: [] }], { numPassedTests: 4 }),
      numPendingTests: 1,
    }),
    'test-results',
    'jest.json',
  );
  const e2e = join(packageWith(undefined), 'test-results', 'e2e.json');
  assert.deepEqual(sumCounts([jest, e2e].map(countsOfReportFile)), {
    passed: 4,
    failed: 2,
    skipped: 1,
    unloaded: 1,
  });
});
