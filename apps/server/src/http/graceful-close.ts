// Stopping without cutting anyone off: stop accepting, let in-flight requests finish, close
// keep-alive connections as soon as they fall idle, and give up waiting after a deadline.
// Event streams (live sync) never finish by themselves: they are cut at once, so their clients
// reconnect to another instance with their lastEventId instead of holding the shutdown up.
import type { IncomingMessage, Server } from 'node:http';

const isEventStream = (req: IncomingMessage) =>
  req.headers.accept?.includes('text/event-stream') ?? false;

export interface GracefulClose {
  /** Resolves once every connection has ended; true when the deadline forced some closed. */
  close(timeoutMs: number): Promise<boolean>;
}

export function gracefulClose(server: Server): GracefulClose {
  let closing = false;
  const streams = new Set<IncomingMessage>();

  // Runs before the app's handler: a request arriving on an open keep-alive connection during
  // shutdown is still served, but told that the connection ends with it.
  server.prependListener('request', (req, res) => {
    if (isEventStream(req)) {
      if (closing) return void req.socket.destroy();
      streams.add(req);
      res.once('close', () => streams.delete(req));
    }
    if (closing) res.setHeader('connection', 'close');
    res.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  let closed: Promise<boolean> | undefined;
  return {
    close(timeoutMs) {
      closed ??= new Promise<boolean>((resolve, reject) => {
        closing = true;
        let forced = false;
        const deadline = setTimeout(() => {
          forced = true;
          server.closeAllConnections();
        }, timeoutMs);
        server.close((error) => {
          clearTimeout(deadline);
          if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING')
            reject(error);
          else resolve(forced);
        });
        server.closeIdleConnections();
        for (const req of streams) req.socket.destroy();
      });
      return closed;
    },
  };
}
