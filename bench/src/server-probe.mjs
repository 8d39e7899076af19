// Preloaded into every process of a server under test (NODE_OPTIONS=--import <this file>), so
// the bench can read each process's event-loop delay and CPU time without the server exposing
// anything. On SIGUSR2 a process writes what it gathered since the previous SIGUSR2 to
// $BENCH_PROBE_DIR/<pid>.json and starts again. Plain JS: the server runs under node.
import cluster from 'node:cluster';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const dir = process.env.BENCH_PROBE_DIR;
if (dir) {
  // Samples are timer intervals: each one is RESOLUTION_MS plus how late the loop was.
  const RESOLUTION_MS = 10;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let seq = 0;
  // All threads of the process: argon2 and webcrypto work on libuv's pool is counted too.
  let cpuSince = process.cpuUsage();
  const ms = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const write = () => {
    const cpu = process.cpuUsage(cpuSince);
    const snapshot = {
      pid: process.pid,
      role: cluster.isPrimary ? 'primary' : 'worker',
      seq,
      count: histogram.count,
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
    writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(snapshot));
  };
  write();
  process.on('SIGUSR2', () => {
    seq++;
    write();
    histogram.reset();
    cpuSince = process.cpuUsage();
  });
}
