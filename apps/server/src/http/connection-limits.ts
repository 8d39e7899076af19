// How long a client may take to send its request, how long an idle connection stays open, and
// how many connections one process holds. With Node's defaults a connection that sends nothing,
// or half a header line, was held for 60-90 s (header timeout 60 s, checked every 30 s), and
// 1,100 silent ones once used up a 1,024-descriptor limit. With the timeouts below and a check
// every second, Node closes both kinds (answering 408) within the header timeout.
import type { Server, ServerOptions } from 'node:http';

export interface HttpLimits {
  /** Request headers within this, counted from the connection for its first request. */
  headersTimeoutMs: number;
  /** The whole request (headers and body) within this. */
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

/** Options for `createServer`: the checking interval is only read there, at construction. */
export function httpServerOptions(limits: HttpLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts above only this often (default 30 s, far past them).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, limits.headersTimeoutMs / 4)),
  };
}

/** Connections past the cap are closed by Node as soon as they are accepted. */
export function capConnections(server: Server, limits: HttpLimits): void {
  server.maxConnections = limits.maxConnections;
}
