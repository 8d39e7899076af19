// Nearest-rank percentiles, shared by the sync scenario's tally and the latency figures of rated
// and merged (ABBA) load runs.

/** The value at rank ceil(p * n) of ascending `sorted`; 0 when empty. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/** Milliseconds to 0.1 ms, as the report prints them. */
export const roundMs = (ms: number) => Math.round(ms * 10) / 10;

export interface LatencyFigures {
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank p50 and p99, mean and max of ascending `sorted`, to 0.1 ms; zeros when empty. */
export function latencyFigures(sorted: readonly number[]): LatencyFigures {
  if (sorted.length === 0) return { p50: 0, p99: 0, mean: 0, max: 0 };
  const sum = sorted.reduce((total, ms) => total + ms, 0);
  return {
    p50: roundMs(percentile(sorted, 0.5)),
    p99: roundMs(percentile(sorted, 0.99)),
    mean: roundMs(sum / sorted.length),
    max: roundMs(sorted[sorted.length - 1]!),
  };
}
