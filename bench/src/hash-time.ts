// How long one argon2id hash takes on this machine, with the API's own parameters: the login
// storm's target is derived from it (two cores can do at most 2 / hashTime logins a second).
import { performance } from 'node:perf_hooks';
import { verifyPassword } from '@repo/auth';

export interface HashTiming {
  /** Median milliseconds of one verification (what a login costs), measured one at a time. */
  medianMs: number;
  samples: number;
}

export async function measureHashTime(
  password: string,
  storedHash: string,
  samples = 15,
): Promise<HashTiming> {
  await verifyPassword(storedHash, password); // warm the native module and its thread
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await verifyPassword(storedHash, password);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN, samples };
}
