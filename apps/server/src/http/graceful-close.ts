// Stopping without cutting anyone off: stop accepting, let in-flight requests finish, close
// keep-alive connections as soon as they fall idle, and give up waiting after a deadline.
import type { Server } from 'node:http';

export interface GracefulClose {
  /** Resolves once every connection has ended; true when the deadline forced some closed. */
  close(timeoutMs: number): Promise<boolean>;
}

export function gracefulClose(server: Server): GracefulClose {
  let closing = false;

  // Runs before the app's handler: a request arriving on an open keep-alive connection during
  // shutdown is still served, but told that the connection ends with it.
  server.prependListener('request', (_req, res) => {
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
      });
      return closed;
    },
  };
}
