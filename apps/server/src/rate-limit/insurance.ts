// The per-process limiter that decides while the shared store (Redis, PostgreSQL) fails: an
// outage neither opens the door (no limit) nor closes it (every login refused). Each decision it
// takes is counted (rate_limit_store_fallbacks_total); the first of an outage is logged, and the
// outage's end (no fallback for QUIET_MS) with how many decisions it took.
import type { Logger } from 'pino';
import {
  type IRateLimiterOptions,
  RateLimiterMemory,
  type RateLimiterRes,
} from 'rate-limiter-flexible';
import { rateLimitStoreFallbacks } from '../ops/metrics';

const QUIET_MS = 10_000;

export class InsuranceLimiter extends RateLimiterMemory {
  #fallbacks = 0;
  #quiet: NodeJS.Timeout | undefined;

  constructor(
    options: IRateLimiterOptions,
    private readonly logger: Logger,
    private readonly store: string,
  ) {
    super(options);
  }

  override consume(
    key: string | number,
    points?: number,
    options?: { [key: string]: unknown },
  ): Promise<RateLimiterRes> {
    rateLimitStoreFallbacks.inc();
    if (this.#fallbacks++ === 0) {
      this.logger.warn({ store: this.store }, 'rate-limit store unavailable; limiting per process');
    }
    clearTimeout(this.#quiet);
    this.#quiet = setTimeout(() => {
      this.logger.info(
        { store: this.store, fallbacks: this.#fallbacks },
        'rate-limit store answering again',
      );
      this.#fallbacks = 0;
    }, QUIET_MS);
    this.#quiet.unref();
    return super.consume(key, points, options);
  }
}
