// Reads the event-loop delay and CPU time of a server's processes through server-probe.mjs:
// signal every process at the start of a run (discarding what came before), again at its end,
// and read what each wrote.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const PROBE = fileURLToPath(new URL('./server-probe.mjs', import.meta.url));

interface Snapshot {
  pid: number;
  role: 'primary' | 'worker';
  seq: number;
  count: number;
  p50: number;
  p99: number;
  max: number;
  cpuMs: number;
}

export interface ProbeReading {
  /** Event-loop delay of the worst worker, in milliseconds beyond the timer's resolution. */
  loopP50: number;
  loopP99: number;
  loopMax: number;
  workers: number;
  /** CPU time of all the server's processes (primary included) over the window. */
  cpuMs: number;
}

export class ServerProbe {
  readonly dir = mkdtempSync(join(tmpdir(), 'bench-probe-'));
  /** The environment that makes a server's processes load the probe. */
  env(): Record<string, string> {
    return {
      NODE_OPTIONS: `--import=${pathToFileURL(PROBE).href}`,
      BENCH_PROBE_DIR: this.dir,
    };
  }

  /** Starts a measurement window; the processes' previous windows are discarded. */
  async start(): Promise<void> {
    await this.signalAll();
  }

  /** Ends the window and returns the worst worker's delay, or null without probed workers. */
  async stop(): Promise<ProbeReading | null> {
    const snapshots = await this.signalAll();
    const workers = snapshots.filter((s) => s.role === 'worker');
    // A single-process server has no workers: its primary serves.
    const serving = workers.length > 0 ? workers : snapshots;
    if (serving.length === 0) return null;
    return {
      loopP50: Math.max(...serving.map((s) => s.p50)),
      loopP99: Math.max(...serving.map((s) => s.p99)),
      loopMax: Math.max(...serving.map((s) => s.max)),
      workers: serving.length,
      cpuMs: snapshots.reduce((sum, s) => sum + s.cpuMs, 0),
    };
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async signalAll(): Promise<Snapshot[]> {
    const before = new Map(
      this.read()
        .filter((s) => isAlive(s.pid))
        .map((s) => [s.pid, s.seq]),
    );
    for (const pid of before.keys()) process.kill(pid, 'SIGUSR2');
    const deadline = Date.now() + 2_000;
    for (;;) {
      const fresh = this.read().filter((s) => s.seq > (before.get(s.pid) ?? Infinity));
      if (fresh.length === before.size || Date.now() > deadline) return fresh;
      await sleep(20);
    }
  }

  private read(): Snapshot[] {
    const snapshots: Snapshot[] = [];
    for (const file of readdirSync(this.dir)) {
      try {
        snapshots.push(JSON.parse(readFileSync(join(this.dir, file), 'utf8')) as Snapshot);
      } catch {
        // caught mid-write; the next poll reads it whole
      }
    }
    return snapshots;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
