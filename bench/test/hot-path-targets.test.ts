// Issue 14's verdicts on hand-made rows: each target passes at its bound and misses just past it.
import { describe, expect, it } from 'vitest';
import { checkHotPathTargets } from '../src/hot-path-targets';
import type { Row } from '../src/results';
import { loadResult, resultRow } from './load-rows';

/** A row whose server spent `cpuMs` of CPU over its 10 s. */
const row = (scenario: string, face: Row['face'], rps: number, cpuMs = 0, p99 = 10): Row =>
  resultRow(scenario, face, loadResult(rps, p99), {
    probe: cpuMs ? { loopP50: 1, loopP99: 2, loopMax: 3, workers: 2, cpuMs } : null,
  });

const verdict = (rows: Row[], words: string) =>
  checkHotPathTargets({ rows, hashMs: 20, cores: 2 }).find((c) => c.target.includes(words))?.pass;

describe('issue 14 targets', () => {
  it('task.list over tRPC: >= 0.5x the minimal baseline and >= 0.7x the same-work one', () => {
    const base = [row('list', 'minimal', 2000), row('list', 'baseline', 1000)];
    expect(verdict([...base, row('list', 'trpc', 1000)], 'task.list (normal user) (3x')).toBe(true);
    expect(verdict([...base, row('list', 'trpc', 999)], 'task.list (normal user) (3x')).toBe(false);
    expect(
      verdict(
        [...base, row('list', 'trpc', 700)],
        'task.list (normal user) over tRPC >= 0.70x baseline',
      ),
    ).toBe(true);
    expect(
      verdict(
        [...base, row('list', 'trpc', 699)],
        'task.list (normal user) over tRPC >= 0.70x baseline',
      ),
    ).toBe(false);
  });

  it("auth.me over tRPC: FastAPI's rate is 6497/9303 of the minimal baseline", () => {
    const minimal = row('me', 'minimal', 9303);
    expect(verdict([minimal, row('me', 'trpc', 6497)], "FastAPI's rate")).toBe(true);
    expect(verdict([minimal, row('me', 'trpc', 6490)], "FastAPI's rate")).toBe(false);
  });

  it("tRPC's CPU per request within 1.15x of REST's on the same procedure", () => {
    const rest = row('create', 'rest', 100, 1000);
    expect(verdict([rest, row('create', 'trpc', 100, 1150)], 'create: tRPC CPU')).toBe(true);
    expect(verdict([rest, row('create', 'trpc', 100, 1160)], 'create: tRPC CPU')).toBe(false);
  });

  it('login storm: auth.me p99 < 30 ms while logins run at >= 60% of cores / hash time', () => {
    // 2 cores / 20 ms = 100 logins/s; 60% is 60/s.
    const me = (p99: number) => ({ ...row('me-during-login', 'trpc', 100, 0, p99) });
    expect(verdict([row('login', 'trpc', 60), me(29)], 'login storm over tRPC')).toBe(true);
    expect(verdict([row('login', 'trpc', 60), me(30)], 'login storm over tRPC')).toBe(false);
    expect(verdict([row('login', 'trpc', 59), me(29)], 'login storm over tRPC')).toBe(false);
    expect(verdict([me(29)], 'login storm over tRPC')).toBe(null);
  });
});
