// One measured (or skipped) cell of the results table, shared by the runner, the targets and
// the report.
import type { LoopDelay } from './event-loop';
import type { LoadResult } from './load-spec';
import type { Face } from './scenarios';

export interface Row {
  /** A scenario id, or 'me-during-login' for auth.me sent alongside the login storm. */
  scenario: string;
  title: string;
  face: Face;
  result: LoadResult | null;
  /** The server's event-loop delay over the run (worst worker); null when not measured. */
  loop: LoopDelay | null;
  /** rps relative to the baseline's for the same scenario. */
  ratio: number | null;
  /** Why there is no result: the face is not served, or its first request already failed. */
  skipped?: string;
  /** A failure before load started (counts as failed requests). */
  failed?: string;
}

export const failures = (row: Row): number =>
  (row.failed ? 1 : 0) + (row.result ? row.result.errors + row.result.non2xx : 0);

export const findRow = (rows: Row[], scenario: string, face: Face): Row | undefined =>
  rows.find((row) => row.scenario === scenario && row.face === face && row.result);
