// A process's resident set size, from /proc (Linux, where the bench runs): the server's own
// view (process.memoryUsage) would need a hook inside it, and RSS is what the OS has to give.
import { readFileSync } from 'node:fs';

/** VmRSS of `pid` in KB, or null where /proc is not there to read. */
export function rssKb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb);
  } catch {
    return null;
  }
}
