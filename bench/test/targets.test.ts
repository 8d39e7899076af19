import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../src/load-spec';
import { formatTable } from '../src/report';
import type { Row } from '../src/results';
import { checkTargets } from '../src/targets';
import { loadResult, resultRow } from './load-rows';

const row = (
  scenario: string,
  face: Row['face'],
  r: LoadResult | null,
  ratio: number | null = null,
) => resultRow(scenario, face, r, { ratio });

const find = (checks: ReturnType<typeof checkTargets>, words: string) =>
  checks.find((c) => c.target.includes(words));

/** Whether the target named by `words` passes on these rows (2 cores, 2 workers). */
const verdict = (rows: Row[], hashMs: number, words: string) =>
  find(checkTargets({ rows, hashMs, cores: 2, workers: 2 }), words)?.pass;

describe('targets', () => {
  it('passes REST task.list at 60% of the baseline and misses it below', () => {
    const rows = [
      row('list', 'baseline', loadResult(1000, 10)),
      row('list', 'rest', loadResult(650, 12), 0.65),
    ];
    expect(verdict(rows, 15, 'task.list (normal user) over REST')).toBe(true);
    rows[1] = row('list', 'rest', loadResult(550, 12), 0.55);
    expect(verdict(rows, 15, 'task.list (normal user) over REST')).toBe(false);
  });

  it('reports a face that was not served as not measured, not as passed', () => {
    const rows = [
      row('me', 'baseline', loadResult(1000, 10)),
      { ...row('me', 'rest', null), skipped: 'not served (404)' },
    ];
    const check = find(
      checkTargets({ rows, hashMs: 15, cores: 2, workers: 2 }),
      'auth.me over REST',
    );
    expect(check?.pass).toBeNull();
    expect(check?.detail).toContain('not served');
  });

  it('derives the login target from the hash time: 2 cores / 20 ms = 100 logins/s, 80 needed', () => {
    const rows = [row('login', 'trpc', loadResult(85, 900))];
    expect(verdict(rows, 20, 'login storm over tRPC: logins/s')).toBe(true);
    rows[0] = row('login', 'trpc', loadResult(75, 900));
    expect(verdict(rows, 20, 'login storm over tRPC: logins/s')).toBe(false);
  });

  it('compares the 10k-task user p99 with the normal user p99', () => {
    const rows = [
      row('list', 'trpc', loadResult(500, 20)),
      row('list-10k-first', 'trpc', loadResult(480, 29)),
      row('list-10k-deep', 'trpc', loadResult(400, 31)),
    ];
    const checks = checkTargets({ rows, hashMs: 15, cores: 2, workers: 2 });
    expect(find(checks, 'list-10k-first p99')?.pass).toBe(true);
    expect(find(checks, 'list-10k-deep p99')?.pass).toBe(false);
  });

  it('counts non-2xx answers and timeouts as failures', () => {
    const rows = [
      row('me', 'trpc', loadResult(500, 20, { non2xx: 3, statusCodes: { '200': 4997, '429': 3 } })),
    ];
    const check = find(checkTargets({ rows, hashMs: 15, cores: 2, workers: 2 }), 'no errors');
    expect(check?.pass).toBe(false);
    expect(check?.detail).toContain('3x 429');
  });
});

describe('table', () => {
  it('prints figures, ratios and the reason a row has none', () => {
    const table = formatTable([
      row('me', 'baseline', loadResult(1000, 10)),
      row('me', 'trpc', loadResult(600, 15), 0.6),
      { ...row('me', 'rest', null), skipped: 'not served (404)' },
    ]);
    expect(table).toMatch(/me\s+tRPC\s+600\s+7\.5\s+15\s+0\s+0\s+-\s+-\s+0\.60x/);
    expect(table).toContain('not served (404)');
  });
});
