// Nearest-rank percentiles, shared by the sync scenario's tally and the rated latency figures.

/** The value at rank ceil(p * n) of ascending `sorted`; 0 when empty. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/** Milliseconds to 0.1 ms, as the report prints them. */
export const roundMs = (ms: number) => Math.round(ms * 10) / 10;
