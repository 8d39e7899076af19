// A load generator process: runs one autocannon job per message and answers with its figures.
// Load runs in its own process so generating requests never competes with the bench's own event
// loop, and two workers can run side by side (the login storm and auth.me alongside it).
import autocannon from 'autocannon';
import type { LoadJob, LoadResult, WorkerMessage } from './load-spec';
import { expectedIntervalMs, ratedLatency } from './rated-latency';

const TIMEOUT_SEC = 10;

async function run(job: LoadJob): Promise<LoadResult> {
  const cpuBefore = process.cpuUsage();
  const rated = job.overallRate !== undefined;
  const options: autocannon.Options = {
    url: job.url,
    connections: job.connections,
    duration: job.durationSec,
    timeout: TIMEOUT_SEC,
    // A rated run's latency is corrected here, not by autocannon (see rated-latency.ts).
    ...(rated ? { overallRate: job.overallRate, ignoreCoordinatedOmission: true } : {}),
    // Prebuilt requests, one per token: autocannon serialises each once per connection and then
    // only cycles through buffers, keeping the generator's own CPU cost per request low.
    requests: job.requests.map((spec) => ({
      method: spec.method,
      path: spec.path,
      headers: spec.headers,
      ...(spec.body === undefined ? {} : { body: spec.body }),
    })),
  };
  const okResponseMs: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, done) =>
      error
        ? reject(error instanceof Error ? error : new Error(JSON.stringify(error)))
        : resolve(done),
    );
    if (rated || job.keepLatencies)
      instance.on('response', (_client, statusCode, _bytes, responseMs) => {
        if (statusCode >= 200 && statusCode < 300) okResponseMs.push(responseMs);
      });
  });
  const cpu = process.cpuUsage(cpuBefore);
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[code] = (stats as { count: number }).count;
  }
  return {
    durationSec: result.duration,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    latencyMs: rated
      ? ratedLatency(okResponseMs, expectedIntervalMs(job.overallRate!, job.connections))
      : {
          p50: result.latency.p50,
          p99: result.latency.p99,
          mean: result.latency.mean,
          max: result.latency.max,
        },
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    generatorCpuMs: (cpu.user + cpu.system) / 1000,
    ...(job.keepLatencies ? { okLatencyMs: okResponseMs } : {}),
  };
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send?.({ result } satisfies WorkerMessage),
    (error: unknown) => process.send?.({ error: String(error) } satisfies WorkerMessage),
  );
});
process.on('disconnect', () => process.exit(0));
