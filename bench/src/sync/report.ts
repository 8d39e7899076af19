// The sync scenario's lines in the printed report, its goals (issue 11) as PASS/MISS lines, and
// what fails the quick run: any event lost, delivered twice, any write refused or stream cut.
import type { SyncResult } from './scenario';

export function formatSync(r: SyncResult): string {
  const { users, streamsPerUser, writesPerSec, durationSec } = r.shape;
  const kb = r.rssPerStreamKb === null ? 'n/a' : `${r.rssPerStreamKb.toFixed(1)} KB`;
  const cpu = r.cpuMsPerEvent === null ? 'n/a' : `${(r.cpuMsPerEvent * 1000).toFixed(0)} µs`;
  const loop = r.loopP99Ms.server === null ? 'n/a' : `${r.loopP99Ms.server.toFixed(1)} ms`;
  return [
    `sync.events: ${r.streams} streams (${users} users x ${streamsPerUser}) on 2 instances, ${writesPerSec} writes/s for ${durationSec} s (sent ${r.writeRate.toFixed(0)}/s)`,
    `  write-to-delivery, other instance: p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms (${r.latencyMs.samples} deliveries); the write itself p50 ${r.writeMs.p50} ms, p99 ${r.writeMs.p99} ms`,
    `  events delivered ${r.delivered}, lost ${r.lost}, duplicates on one connection ${r.duplicates}, write errors ${r.writeErrors}, reconnects ${r.reconnects}`,
    `  server RSS per idle stream ${kb}, server CPU per delivered event ${cpu}`,
    `  event-loop delay p99 over the writes: worse instance ${loop}, the bench's own process ${r.loopP99Ms.bench.toFixed(1)} ms`,
  ].join('\n');
}

export function syncTargets(r: SyncResult): string {
  const line = (pass: boolean | null, what: string, detail: string) =>
    `${pass === null ? 'N/A ' : pass ? 'PASS' : 'MISS'}  ${what}: ${detail}`;
  return [
    line(r.latencyMs.p99 < 100, 'sync p99 write-to-delivery < 100 ms', `${r.latencyMs.p99} ms`),
    line(r.lost === 0, 'sync events lost = 0', String(r.lost)),
    line(r.duplicates === 0, 'sync duplicates on one connection = 0', String(r.duplicates)),
    line(
      r.rssPerStreamKb === null ? null : r.rssPerStreamKb < 50,
      'sync RSS per idle stream < 50 KB',
      r.rssPerStreamKb === null ? 'not measured' : `${r.rssPerStreamKb.toFixed(1)} KB`,
    ),
  ].join('\n');
}

/** Why the run is broken (for the quick run's exit code), or null. */
export function syncFailure(r: SyncResult): string | null {
  const problems = [
    r.lost > 0 && `${r.lost} events lost`,
    r.duplicates > 0 && `${r.duplicates} duplicates`,
    r.writeErrors > 0 && `${r.writeErrors} writes failed`,
    r.reconnects > 0 &&
      `streams ended by the server ${r.reconnects} times: ${r.streamErrors.join('; ')}`,
  ].filter(Boolean);
  return problems.length > 0 ? problems.join(', ') : null;
}
