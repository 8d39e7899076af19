// tRPC over node:http, thinner than @trpc/server's nodeHTTPRequestHandler (issue 14) but the same
// protocol: the Request is built by tRPC's own incomingMessageToRequest and answered by tRPC's own
// resolveResponse (batching, errors, method checks, SSE, jsonl), and a throw is answered by tRPC's
// own exception handler. What differs is the way back: tRPC pipes every answer through a WHATWG
// WritableStream, which for a plain JSON answer costs more than reading the body once and sending
// it with a Content-Length (measured: 50 vs 29 µs a call); streamed answers are written chunk by
// chunk as they come. Plain JSON calls and SSE subscriptions usually skip all of it
// (trpc-direct-calls.ts). Nor is the options object spread anew two or three times.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppRouter } from '@repo/api';
import {
  incomingMessageToRequest,
  internal_exceptionHandler,
} from '@trpc/server/adapters/node-http';
import type { TRPCError } from '@trpc/server';
import { resolveResponse } from '@trpc/server/http';
import { drained } from '../http/drained';
import { answerDirectly } from './trpc-direct-calls';

type ResolveOptions = Parameters<typeof resolveResponse<AppRouter>>[0];

export type TrpcNodeOptions = Omit<ResolveOptions, 'req' | 'onError'> & {
  req: IncomingMessage;
  res: ServerResponse;
  /** Bodies sent without a Content-Length (chunked) are cut off at this many bytes. */
  maxBodySize: number;
  /** Every error answered, from a procedure or from the adapter itself (path then undefined). */
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
  /** Answer JSON calls and SSE subscriptions without resolveResponse (trpc-direct-calls.ts). */
  directCalls: boolean;
};

export async function handleTrpcRequest(opts: TrpcNodeOptions): Promise<void> {
  const { req, res } = opts;
  try {
    if (opts.directCalls && (await answerDirectly(opts))) return;
    const request = incomingMessageToRequest(req, res, { maxBodySize: opts.maxBodySize });
    const response = await resolveResponse({ ...opts, req: request });
    await writeResponse(response, res, request.signal);
  } catch (cause) {
    const { router, createContext, onError } = opts;
    internal_exceptionHandler({ req, res, router, createContext, onError, path: opts.path })(cause);
  }
}

/** tRPC's headers and status as its node adapter sets them, then the body, buffered or streamed. */
async function writeResponse(response: Response, res: ServerResponse, signal: AbortSignal) {
  // A status set before tRPC answered (none today) wins, as in tRPC's adapter.
  if (res.statusCode === 200) res.statusCode = response.status;
  for (const [key, value] of response.headers) if (key !== 'set-cookie') res.setHeader(key, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) return void res.end();
  if (!isStreamed(response.headers)) {
    const body = Buffer.from(await response.arrayBuffer());
    res.setHeader('content-length', body.byteLength);
    return void res.end(body);
  }
  try {
    await streamBody(response.body, res, signal);
  } finally {
    res.end();
  }
}

/** SSE (subscriptions) and jsonl (httpBatchStreamLink) answers arrive over time. */
const isStreamed = (headers: Headers) =>
  headers.has('transfer-encoding') || headers.get('content-type') === 'text/event-stream';

async function streamBody(
  body: ReadableStream<Uint8Array>,
  res: ServerResponse,
  signal: AbortSignal,
) {
  const reader = body.getReader();
  const onAbort = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', onAbort);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) return;
      // Backpressure: a slow client must not make us buffer a whole stream.
      if (!res.write(value)) await drained(res);
    }
  } catch (error) {
    // The client left: tRPC's adapter ignores the abort too.
    if (signal.aborted) return;
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}
