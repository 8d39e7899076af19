// How a 5xx is logged. A bug (500) gets a line of its own with its stack. An unavailable
// database (503) is one condition, not thousands of errors: its first refusal is logged, the rest
// are counted, and the count is logged when refusals stop (quiet for OUTAGE_QUIET_MS) — a 13 s
// outage under load writes two lines instead of one per request.
import type { Logger } from 'pino';
import { outageRefusals } from '../ops/metrics';

const OUTAGE_QUIET_MS = 5_000;

export interface ServerErrorLog {
  (fields: Record<string, unknown>, status: number, error: unknown, message: string): void;
}

const logs = new WeakMap<Logger, ServerErrorLog>();

/** One per logger, so every route of a server shares the outage it reports. */
export function serverErrorLog(logger: Logger): ServerErrorLog {
  let log = logs.get(logger);
  if (!log) logs.set(logger, (log = createServerErrorLog(logger)));
  return log;
}

function createServerErrorLog(logger: Logger): ServerErrorLog {
  let refused = 0;
  let quiet: NodeJS.Timeout | undefined;

  return (fields, status, error, message) => {
    if (status !== 503) {
      logger.error({ ...fields, err: error }, message);
      return;
    }
    outageRefusals.inc();
    if (refused++ === 0)
      logger.error({ ...fields, err: error }, 'database unavailable; refusing with 503');
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      logger.warn({ refused }, 'database outage over; requests refused with 503 meanwhile');
      refused = 0;
    }, OUTAGE_QUIET_MS);
    quiet.unref();
  };
}
