// A request body as text, for the REST mirror and tRPC's JSON calls alike: the size limit holds
// for chunked bodies too (a declared Content-Length over it is refused before this), and past it
// collecting stops at once, so a client cannot keep the server reading.
import type { IncomingMessage } from 'node:http';

/** The body decoded as UTF-8; rejects with `tooLarge()` past `limit` bytes. */
export function readText(
  req: IncomingMessage,
  limit: number,
  tooLarge: () => Error,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size).toString('utf8'));
    };
    // Also a client that leaves before the body ends: Node then fails the request ("aborted").
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
