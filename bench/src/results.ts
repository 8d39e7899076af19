// One measured (or skipped) cell of the results table, shared by the runner, the targets and
// the report.
import type { ProbeReading } from './server-probe';
import type { LoadResult } from './load-spec';
import type { Face } from './scenarios';

export interface Row {
  /** A scenario id, or 'me-during-login' for auth.me sent alongside the login storm. */
  scenario: string;
  title: string;
  face: Face;
  result: LoadResult | null;
  /** The server's event-loop delay (worst worker) and CPU time over the run; null when not measured. */
  probe: ProbeReading | null;
  /** rps relative to the baseline's for the same scenario. */
  ratio: number | null;
  /** Why there is no result: the face is not served, or its first request already failed. */
  skipped?: string;
  /** A failure before load started (counts as failed requests). */
  failed?: string;
}

/**
 * Server CPU time (all processes, all threads) per response: steadier than rps on a busy machine.
 * None for auth.me beside the storm: the server's CPU then is the storm's.
 */
export const cpuPerRequest = (row: Row): number | null =>
  row.probe && row.result && row.result.requests > 0 && row.scenario !== 'me-during-login'
    ? row.probe.cpuMs / row.result.requests
    : null;

export const failures = (row: Row): number =>
  (row.failed ? 1 : 0) + (row.result ? row.result.errors + row.result.non2xx : 0);

export const findRow = (rows: Row[], scenario: string, face: Face): Row | undefined =>
  rows.find((row) => row.scenario === scenario && row.face === face && row.result);
