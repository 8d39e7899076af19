// Backpressure for streamed answers: wait until the socket takes more, or the client has gone.
import type { ServerResponse } from 'node:http';

export function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
