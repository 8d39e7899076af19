// What the bench process and its load workers exchange over IPC: plain JSON both ways.

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadJob {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string;
  connections: number;
  durationSec: number;
  /** Requests a second across all connections; unset means as fast as the server answers. */
  overallRate?: number;
  /** Cycled through by every connection: one per user token, so load is spread over users. */
  requests: RequestSpec[];
  /** Also answer every 2xx response's latency (paired-faces.ts merges runs with them). */
  keepLatencies?: boolean;
}

export interface LoadResult {
  durationSec: number;
  requests: number;
  /** Responses a second, averaged over the run. */
  rps: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  ok: number;
  non2xx: number;
  /** Connection errors (refused, reset), timeouts included. */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** CPU the load generator itself spent: on a small machine it competes with the servers. */
  generatorCpuMs: number;
  /** Every 2xx response's latency in ms, only when the job asked to keep them. */
  okLatencyMs?: number[];
}

export type WorkerMessage = { result: LoadResult } | { error: string };
