// How long a client may take to send its request, how long an idle connection stays open, and
// how many connections one process holds. Node's own header timer starts only at a request's
// first byte, so a connection that never sends one would stay open for ever (and 1,100 of them
// once used up a 1,024-descriptor limit): those are closed here after the same time.
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';

export interface HttpLimits {
  /** Request headers within this, and a connection's first byte within this too. */
  headersTimeoutMs: number;
  /** The whole request (headers and body) within this. */
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

/** Options for `createServer`: the interval is only read there, at construction. */
export function httpServerOptions(limits: HttpLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts above only this often (default 30 s, far past them).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, limits.headersTimeoutMs / 4)),
  };
}

/** The connection cap, and closing connections that stay silent before their first byte. */
export function guardConnections(server: Server, limits: HttpLimits): void {
  server.maxConnections = limits.maxConnections;
  server.on('connection', (socket: Socket) => {
    // bytesRead counts what the HTTP parser consumed, which never surfaces as 'data' events.
    const timer = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, limits.headersTimeoutMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}
