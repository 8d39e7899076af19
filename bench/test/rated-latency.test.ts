// The correction for coordinated omission: a late response also counts the requests its
// connection did not send meanwhile, one per expected interval, and only those.
import { describe, expect, it } from 'vitest';
import { expectedIntervalMs, ratedLatency, withOmittedSamples } from '../src/rated-latency';

describe('rated latency', () => {
  it('is 40 ms between requests for 100 a second over 4 connections', () => {
    expect(expectedIntervalMs(100, 4)).toBe(40);
  });

  it('adds one sample per interval a late response covered, down to the interval', () => {
    expect(withOmittedSamples([159, 2], 40)).toEqual([2, 79, 119, 159]);
    expect(withOmittedSamples([80], 40)).toEqual([40, 80]);
    expect(withOmittedSamples([39.9], 40)).toEqual([39.9]);
    // A 1 s stall at 40 ms: the 24 requests that would have been due behind it.
    expect(withOmittedSamples([1000], 40)).toHaveLength(25);
  });

  it('keeps three late responses out of the p99 of a thousand quick ones', () => {
    const samples = [...Array.from({ length: 1000 }, (_, i) => 1 + (i % 10)), 159, 100, 47];
    expect(ratedLatency(samples, 40)).toEqual({ p50: 6, p99: 10, mean: 6, max: 159 });
    // autocannon's 1 ms interval turns the same run's p99 into one of the late responses' ramp.
    expect(ratedLatency(samples, 1).p99).toBeGreaterThan(50);
  });

  it('lets a stall long enough to hold up more than 1% of the requests set the p99', () => {
    const samples = [...Array.from({ length: 1000 }, () => 2), 1000];
    expect(ratedLatency(samples, 40).p99).toBe(600);
  });

  it('answers zeros for an empty run and refuses a non-positive interval', () => {
    expect(ratedLatency([], 40)).toEqual({ p50: 0, p99: 0, mean: 0, max: 0 });
    expect(() => withOmittedSamples([1], 0)).toThrow('expected interval must be positive: 0');
  });
});
