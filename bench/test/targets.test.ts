import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../src/load-spec';
import { formatTable } from '../src/report';
import type { Row } from '../src/results';
import { checkTargets } from '../src/targets';

const result = (rps: number, p99: number, extra: Partial<LoadResult> = {}): LoadResult => ({
  durationSec: 10,
  requests: rps * 10,
  rps,
  latencyMs: { p50: p99 / 2, p99, mean: p99 / 2, max: p99 * 2 },
  ok: rps * 10,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statusCodes: { '200': rps * 10 },
  generatorCpuMs: 1000,
  ...extra,
});

const row = (
  scenario: string,
  face: Row['face'],
  r: LoadResult | null,
  ratio: number | null = null,
): Row => ({
  scenario,
  title: scenario,
  face,
  result: r,
  probe: null,
  ratio,
});

const find = (checks: ReturnType<typeof checkTargets>, words: string) =>
  checks.find((c) => c.target.includes(words));

describe('targets', () => {
  it('passes REST task.list at 60% of the baseline and misses it below', () => {
    const rows = [
      row('list', 'baseline', result(1000, 10)),
      row('list', 'rest', result(650, 12), 0.65),
    ];
    expect(
      find(
        checkTargets({ rows, hashMs: 15, cores: 2, workers: 2 }),
        'task.list (normal user) over REST',
      )?.pass,
    ).toBe(true);
    rows[1] = row('list', 'rest', result(550, 12), 0.55);
    expect(
      find(
        checkTargets({ rows, hashMs: 15, cores: 2, workers: 2 }),
        'task.list (normal user) over REST',
      )?.pass,
    ).toBe(false);
  });

  it('reports a face that was not served as not measured, not as passed', () => {
    const rows = [
      row('me', 'baseline', result(1000, 10)),
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
    const rows = [row('login', 'trpc', result(85, 900))];
    expect(
      find(
        checkTargets({ rows, hashMs: 20, cores: 2, workers: 2 }),
        'login storm over tRPC: logins/s',
      )?.pass,
    ).toBe(true);
    rows[0] = row('login', 'trpc', result(75, 900));
    expect(
      find(
        checkTargets({ rows, hashMs: 20, cores: 2, workers: 2 }),
        'login storm over tRPC: logins/s',
      )?.pass,
    ).toBe(false);
  });

  it('compares the 10k-task user p99 with the normal user p99', () => {
    const rows = [
      row('list', 'trpc', result(500, 20)),
      row('list-10k-first', 'trpc', result(480, 29)),
      row('list-10k-deep', 'trpc', result(400, 31)),
    ];
    const checks = checkTargets({ rows, hashMs: 15, cores: 2, workers: 2 });
    expect(find(checks, 'list-10k-first p99')?.pass).toBe(true);
    expect(find(checks, 'list-10k-deep p99')?.pass).toBe(false);
  });

  it('counts non-2xx answers and timeouts as failures', () => {
    const rows = [
      row('me', 'trpc', result(500, 20, { non2xx: 3, statusCodes: { '200': 4997, '429': 3 } })),
    ];
    const check = find(checkTargets({ rows, hashMs: 15, cores: 2, workers: 2 }), 'no errors');
    expect(check?.pass).toBe(false);
    expect(check?.detail).toContain('3x 429');
  });
});

describe('table', () => {
  it('prints figures, ratios and the reason a row has none', () => {
    const table = formatTable([
      row('me', 'baseline', result(1000, 10)),
      row('me', 'trpc', result(600, 15), 0.6),
      { ...row('me', 'rest', null), skipped: 'not served (404)' },
    ]);
    expect(table).toMatch(/me\s+tRPC\s+600\s+7\.5\s+15\s+0\s+0\s+-\s+-\s+0\.60x/);
    expect(table).toContain('not served (404)');
  });
});
