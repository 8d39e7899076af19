// Latency of a rate-limited load run (auth.me beside the login storm), corrected for
// coordinated omission: while a response is late, its connection does not send the requests it
// was due to, so each late response also stands for the ones that would have waited behind it
// (HdrHistogram's recordValueWithExpectedInterval). autocannon 9.0.0 corrects with an expected
// interval of Math.ceil(1 / rate) ms, rate being requests a second per connection: 1 ms at any
// rate, so one 159 ms response became 159 samples, and three late ones at the storm's start set
// a reported p99 of 138 ms for a run whose own p99 was 13 ms. The interval is 1000 / rate ms.

import { type LatencyFigures, latencyFigures } from './percentile';

/** A connection's expected interval between requests, in ms, at `overallRate` per second. */
export const expectedIntervalMs = (overallRate: number, connections: number) =>
  (1000 * connections) / overallRate;

/** Response times (ms) with the samples the late ones stand for, sorted ascending. */
export function withOmittedSamples(responseMs: readonly number[], intervalMs: number): number[] {
  if (!(intervalMs > 0)) throw new Error(`expected interval must be positive: ${intervalMs}`);
  const all: number[] = [];
  for (const value of responseMs) {
    all.push(value);
    for (let missing = value - intervalMs; missing >= intervalMs; missing -= intervalMs)
      all.push(missing);
  }
  return all.sort((a, b) => a - b);
}

/** Nearest-rank percentiles, mean and max of the corrected samples, rounded to 0.1 ms. */
export const ratedLatency = (responseMs: readonly number[], intervalMs: number): LatencyFigures =>
  latencyFigures(withOmittedSamples(responseMs, intervalMs));
