// Reads the event-loop delay of a server's processes through event-loop-probe.mjs: signal every
// process at the start of a run (discarding what came before), again at its end, and read what
// each wrote.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const PROBE = fileURLToPath(new URL('./event-loop-probe.mjs', import.meta.url));

interface Snapshot {
  pid: number;
  role: 'primary' | 'worker';
  seq: number;
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoopDelay {
  /** The worst worker's figures, in milliseconds beyond the timer's resolution. */
  p50: number;
  p99: number;
  max: number;
  workers: number;
}

export class EventLoopMonitor {
  readonly dir = mkdtempSync(join(tmpdir(), 'bench-event-loop-'));
  /** The environment that makes a server's processes load the probe. */
  env(): Record<string, string> {
    return {
      NODE_OPTIONS: `--import=${pathToFileURL(PROBE).href}`,
      BENCH_EVENT_LOOP_DIR: this.dir,
    };
  }

  /** Starts a measurement window; the processes' previous windows are discarded. */
  async start(): Promise<void> {
    await this.signalAll();
  }

  /** Ends the window and returns the worst worker's delay, or null without probed workers. */
  async stop(): Promise<LoopDelay | null> {
    const snapshots = await this.signalAll();
    const workers = snapshots.filter((s) => s.role === 'worker');
    // A single-process server has no workers: its primary serves.
    const serving = workers.length > 0 ? workers : snapshots;
    if (serving.length === 0) return null;
    return {
      p50: Math.max(...serving.map((s) => s.p50)),
      p99: Math.max(...serving.map((s) => s.p99)),
      max: Math.max(...serving.map((s) => s.max)),
      workers: serving.length,
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
