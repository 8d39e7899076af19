// The sync scenario's size (issue 11): a full run holds 1,000 streams (100 users x 10, half on
// each instance) under 200 writes/s for 30 s; the quick run (CI's smoke) is a tenth of that for
// 3 s and only checks that nothing was lost or delivered twice.
import type { BenchSettings } from '../settings';

export interface SyncShape {
  users: number;
  streamsPerUser: number;
  writesPerSec: number;
  durationSec: number;
  /** After the last write: how long deliveries may still arrive before the rest count as lost. */
  drainMs: number;
  /** Unmeasured writes before the streams open, so RSS excludes a fresh process's warm-up. */
  warmupSec: number;
  /** Quiet time with every stream open, before RSS is read. */
  idleMs: number;
}

export function syncShape(settings: BenchSettings): SyncShape {
  return settings.mode === 'full'
    ? {
        users: 100,
        streamsPerUser: 10,
        writesPerSec: 200,
        durationSec: 30,
        drainMs: 5000,
        warmupSec: 5,
        idleMs: 3000,
      }
    : {
        users: 10,
        streamsPerUser: 10,
        writesPerSec: 50,
        durationSec: 3,
        drainMs: 3000,
        warmupSec: 1,
        idleMs: 1000,
      };
}

/** Runs unless --only names scenarios and none of them is this one. */
export const wantsSync = (settings: BenchSettings) =>
  settings.only.length === 0 || settings.only.some((word) => 'sync'.includes(word));
