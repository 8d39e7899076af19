// Prometheus metrics (prom-client) for this process: requests by route/procedure and status,
// event-loop lag, pool usage, rate-limit refusals, database-outage refusals. `metricsRegistry`
// is where other parts (live sync: streams, delivery lag) register their own metrics:
//
//   new Gauge({ name: 'sync_streams_open', help: '...', registers: [metricsRegistry] });
import { passwordHashStats } from '@repo/auth';
import type { Database } from '@repo/db';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const metricsRegistry = new Registry();
// Process CPU/memory/handles and event-loop lag (nodejs_eventloop_lag_* seconds).
collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 20 });

const labelNames = ['route', 'method', 'status'] as const;

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by route (tRPC procedure or REST/static route), method and status',
  labelNames,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from the request arriving to its response ending',
  labelNames,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const rateLimitRefusals = new Counter({
  name: 'rate_limit_refusals_total',
  help: 'Requests refused with 429 by a rate limiter',
  labelNames: ['limiter'],
  registers: [metricsRegistry],
});

export const rateLimitStoreFallbacks = new Counter({
  name: 'rate_limit_store_fallbacks_total',
  help: 'Rate-limit decisions taken by the per-process limiter because the shared store failed',
  registers: [metricsRegistry],
});

export const outageRefusals = new Counter({
  name: 'database_unavailable_refusals_total',
  help: 'Requests answered 503 because the database could not be reached',
  registers: [metricsRegistry],
});

new Gauge({
  name: 'password_hashes_in_flight',
  help: 'Password hashes running or waiting for a hash thread (bounded by PASSWORD_HASH_QUEUE_MAX)',
  registers: [metricsRegistry],
  collect() {
    this.set(passwordHashStats().inFlight);
  },
});

new Counter({
  name: 'password_hash_refusals_total',
  help: 'Sign-ins refused with 429 because the password hash queue was full',
  registers: [metricsRegistry],
  collect() {
    // The count lives in @repo/auth; the counter mirrors it at each scrape.
    this.reset();
    this.inc(passwordHashStats().refused);
  },
});

const pools = new Set<Database>();
const sum = (pick: (db: Database) => number) => [...pools].reduce((n, db) => n + pick(db), 0);

new Gauge({
  name: 'db_pool_connections',
  help: 'Database pool connections by state (in use, idle) and requests waiting for one',
  labelNames: ['state'],
  registers: [metricsRegistry],
  collect() {
    this.set(
      { state: 'in_use' },
      sum((db) => db.poolStats().total - db.poolStats().idle),
    );
    this.set(
      { state: 'idle' },
      sum((db) => db.poolStats().idle),
    );
    this.set(
      { state: 'waiting' },
      sum((db) => db.poolStats().waiting),
    );
  },
});

/** Counts `db`'s pool in db_pool_connections until the returned function is called. */
export function observePool(db: Database): () => void {
  pools.add(db);
  return () => pools.delete(db);
}
