// Hand-made measurement rows for the target tests: a load result with round figures (10 s at
// `rps`, every answer a 200), and the results-table row that carries it.
import type { LoadResult } from '../src/load-spec';
import type { Row } from '../src/results';

export const loadResult = (rps: number, p99 = 10, extra: Partial<LoadResult> = {}): LoadResult => ({
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

export const resultRow = (
  scenario: string,
  face: Row['face'],
  result: LoadResult | null,
  extra: Partial<Row> = {},
): Row => ({ scenario, title: scenario, face, result, probe: null, ratio: null, ...extra });
