// Errors of connections no request is waiting on: an idle pooled PostgreSQL client whose server
// went away, Redis reconnecting in the background. Nothing else would report them, so they are
// logged here, once per outage (a reconnecting client repeats the same error many times a
// second), and the connection's return is logged too.
import type { Logger } from 'pino';

export interface ConnectionErrorLog {
  failed(error: unknown): void;
  recovered(): void;
}

export function connectionErrorLog(logger: Logger, connection: string): ConnectionErrorLog {
  let failing = false;
  return {
    failed(err) {
      if (failing) return;
      failing = true;
      logger.warn({ err, connection }, `${connection}: connection error`);
    },
    recovered() {
      if (!failing) return;
      failing = false;
      logger.info({ connection }, `${connection}: connected again`);
    },
  };
}
