// A face measured in two halves reads as one run of both: every count summed, the rate over the
// total time, latencies ranked over every response, CPU summed, the worse loop delay.
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../src/load-spec';
import { ABBA, type HalfRun, mergeHalves } from '../src/paired-faces';

const half = (
  requests: number,
  durationSec: number,
  okLatencyMs: number[],
  cpuMs: number,
  loopP99: number,
): HalfRun => {
  const result: LoadResult = {
    durationSec,
    requests,
    rps: requests / durationSec,
    latencyMs: { p50: 0, p99: 0, mean: 0, max: 0 },
    ok: okLatencyMs.length,
    non2xx: requests - okLatencyMs.length,
    errors: 1,
    timeouts: 0,
    statusCodes: { '200': okLatencyMs.length, '503': requests - okLatencyMs.length },
    generatorCpuMs: 10,
  };
  return {
    result,
    okLatencyMs,
    probe: { loopP50: 1, loopP99, loopMax: loopP99 * 2, workers: 2, cpuMs },
  };
};

describe('ABBA halves', () => {
  it('measures each face once before and once after the other', () => {
    expect(ABBA).toEqual(['trpc', 'rest', 'rest', 'trpc']);
  });

  it('merges two halves into the figures of one run', () => {
    // 100 responses of 1..100 ms split unevenly, the slow ones all in the second half.
    const first = Array.from({ length: 60 }, (_, i) => i + 1);
    const second = Array.from({ length: 40 }, (_, i) => i + 61);
    const { result, probe } = mergeHalves([
      half(61, 5, first, 300, 4),
      half(40, 5.5, second, 250, 9),
    ]);
    expect(result).toEqual({
      durationSec: 10.5,
      requests: 101,
      rps: 101 / 10.5,
      latencyMs: { p50: 50, p99: 99, mean: 50.5, max: 100 },
      ok: 100,
      non2xx: 1,
      errors: 2,
      timeouts: 0,
      statusCodes: { '200': 100, '503': 1 },
      generatorCpuMs: 20,
    });
    expect(probe).toEqual({ loopP50: 1, loopP99: 9, loopMax: 18, workers: 2, cpuMs: 550 });
  });

  it('answers zero latencies when no response was a 2xx, and refuses nothing to merge', () => {
    expect(mergeHalves([half(3, 1, [], 5, 1)]).result.latencyMs).toEqual({
      p50: 0,
      p99: 0,
      mean: 0,
      max: 0,
    });
    expect(() => mergeHalves([])).toThrow('nothing to merge');
  });

  it('has no probe reading when a half has none', () => {
    expect(
      mergeHalves([half(1, 1, [1], 5, 1), { ...half(1, 1, [1], 5, 1), probe: null }]).probe,
    ).toBeNull();
  });
});
