// tRPC and REST share the server's processes, so the face measured second ran on processes the
// first had just warmed (or tired): with tRPC always first, swapping the two moved tRPC's CPU per
// request against REST's by 0.1-0.2x (README, Benchmarks), as much as issue 14's 1.15x margin.
// Measured in ABBA order instead, half a run each time, both faces see the same mix of before and
// after; each face's figures are then its two halves merged, latencies from every response.
import type { LoadResult } from './load-spec';
import { latencyFigures } from './percentile';
import type { ProbeReading } from './server-probe';

/** The faces that are measured in ABBA order when a scenario has both. */
export const PAIRED_FACES = ['trpc', 'rest'] as const;
export type PairedFace = (typeof PAIRED_FACES)[number];

/** The order of the four half-runs. */
export const ABBA: readonly PairedFace[] = ['trpc', 'rest', 'rest', 'trpc'];

export interface HalfRun {
  result: LoadResult;
  /** Every 2xx response's latency, in ms. */
  okLatencyMs: readonly number[];
  /** Null when the probe could not read the server (as a whole run's probe may be). */
  probe: ProbeReading | null;
}

/** One face's halves as one run: counts and times summed, latencies over every response. */
export function mergeHalves(halves: readonly HalfRun[]): {
  result: LoadResult;
  probe: ProbeReading | null;
} {
  if (halves.length === 0) throw new Error('nothing to merge');
  const sum = (pick: (half: HalfRun) => number) => halves.reduce((total, h) => total + pick(h), 0);
  const statusCodes: Record<string, number> = {};
  for (const { result } of halves)
    for (const [code, count] of Object.entries(result.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const latencies = halves.flatMap((h) => h.okLatencyMs).sort((a, b) => a - b);
  const durationSec = sum((h) => h.result.durationSec);
  const requests = sum((h) => h.result.requests);
  return {
    result: {
      durationSec,
      requests,
      rps: requests / durationSec,
      latencyMs: latencyFigures(latencies),
      ok: sum((h) => h.result.ok),
      non2xx: sum((h) => h.result.non2xx),
      errors: sum((h) => h.result.errors),
      timeouts: sum((h) => h.result.timeouts),
      statusCodes,
      generatorCpuMs: sum((h) => h.result.generatorCpuMs),
    },
    probe: mergeProbes(halves.map((h) => h.probe)),
  };
}

/** CPU summed; event-loop delay the worse half's, since the halves' samples are not kept. */
function mergeProbes(probes: readonly (ProbeReading | null)[]): ProbeReading | null {
  const read = probes.filter((p): p is ProbeReading => p !== null);
  if (read.length < probes.length) return null;
  const worst = (pick: (probe: ProbeReading) => number) => Math.max(...read.map(pick));
  return {
    loopP50: worst((p) => p.loopP50),
    loopP99: worst((p) => p.loopP99),
    loopMax: worst((p) => p.loopMax),
    workers: worst((p) => p.workers),
    cpuMs: read.reduce((total, p) => total + p.cpuMs, 0),
  };
}
