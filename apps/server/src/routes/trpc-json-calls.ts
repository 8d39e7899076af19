// Plain JSON calls (queries and mutations, batched or not: everything the apps' httpBatchLink
// and the REST-less clients send) answered without the WHATWG round trip of tRPC's
// resolveResponse (issue 14). On auth.me that round trip was most of tRPC's cost over the REST
// mirror: a Request with its own Headers and body stream, a URL, five AbortSignals joined by a
// ponyfill, a Response read back into a buffer.
//
// The protocol stays tRPC's: the request is read by tRPC's own getRequestInfo (paths, batching,
// its size cap, input decoding, connectionParams), each procedure is called the way
// resolveResponse calls it, errors are shaped by tRPC's getErrorShape, the status comes from
// tRPC's getHTTPStatusCode and the body from its transformTRPCResponse; the response meta
// callback gets what resolveResponse gives it. Whatever is not a plain JSON call (SSE
// subscriptions, jsonl streaming, form data, octet streams, HEAD, a method a procedure does not
// take, an unknown path, a request getRequestInfo refuses) is left to resolveResponse, untouched:
// nothing of the request has been read when that is decided. `trpc-json-calls.test.ts` holds the
// two paths to the same answers, byte for byte, so a tRPC upgrade that moves any of this fails
// there.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getHTTPStatusCode } from '@trpc/server/http';
import {
  TRPCError,
  type TRPCRequestInfo,
  type TRPCResponse,
  getErrorShape,
  getRequestInfo,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import { readText } from '../http/read-text';
import type { TrpcNodeOptions } from './trpc-node-adapter';

/** The one method each procedure type is called with (tRPC's, without method override). */
const METHOD_OF = { query: 'GET', mutation: 'POST' } as const;

type Context = Awaited<ReturnType<TrpcNodeOptions['createContext']>>;
type CallOutcome = [error: TRPCError, data: undefined] | [error: undefined, data: unknown];

/**
 * Answers the request when it is plain JSON calls and returns true; returns false, having read
 * nothing of the body, when resolveResponse must answer it.
 */
export async function answerJsonCalls(opts: TrpcNodeOptions): Promise<boolean> {
  const { req, res, router } = opts;
  const method = req.method;
  if (opts.error || (method !== 'GET' && method !== 'POST') || !isJsonBody(req)) return false;
  const url = requestUrl(req);
  if (!url) return false;
  const request = new BodyOnDemand(req, res, opts.maxBodySize);
  let info: TRPCRequestInfo;
  try {
    info = await getRequestInfo({
      // getRequestInfo reads only method, headers.get/has, signal and json() (for a POST).
      req: request as unknown as Request,
      path: decodePath(opts.path),
      router,
      searchParams: url.searchParams,
      headers: request.headers as unknown as Headers,
      url,
      maxBatchSize: opts.maxBatchSize,
    });
  } catch {
    return false; // resolveResponse answers the same refusal (or the path's bad encoding)
  }
  const calls = info.calls;
  if (info.accept === 'application/jsonl') return false;
  for (const call of calls) {
    const type = call.procedure?._def.type;
    if (type !== 'query' && type !== 'mutation') return false;
    if (METHOD_OF[type] !== method) return false;
  }

  const [contextError, ctx] = await createContext(opts, info);
  const outcomes = await Promise.all(
    calls.map(async (call): Promise<CallOutcome> => {
      try {
        if (contextError) throw contextError;
        const data: unknown = await call.procedure!({
          path: call.path,
          getRawInput: call.getRawInput,
          ctx,
          type: call.procedure!._def.type,
          signal: request.signal,
          batchIndex: call.batchIndex,
        });
        return [undefined, data];
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        opts.onError?.({ error, path: call.path });
        return [error, undefined];
      }
    }),
  );
  send(opts, info, ctx, outcomes);
  return true;
}

function send(
  opts: TrpcNodeOptions,
  info: TRPCRequestInfo,
  ctx: Context | undefined,
  outcomes: CallOutcome[],
): void {
  const config = opts.router._def._config;
  const errors: TRPCError[] = [];
  const responses = outcomes.map(([error, data], index): TRPCResponse => {
    const call = info.calls[index]!;
    // As resolveResponse: a stream-like result needs httpBatchStreamLink. None of ours is one.
    const failure = error ?? (isDataStream(data) ? streamInPlainCall() : undefined);
    if (!failure) return { result: { data } };
    errors.push(failure);
    const type = call.procedure!._def.type;
    const input = call.result();
    return { error: getErrorShape({ config, ctx, error: failure, input, path: call.path, type }) };
  });
  const meta = opts.responseMeta?.({
    ctx,
    info,
    paths: info.calls.map((call) => call.path),
    data: responses as never,
    errors,
    eagerGeneration: false,
    type: info.type,
  });
  const headers = new Headers([
    ['vary', 'trpc-accept, accept'],
    ['content-type', 'application/json'],
  ]);
  if (meta?.headers instanceof Headers)
    for (const [key, value] of meta.headers) headers.append(key, value);
  const body = info.isBatchCall ? responses : responses[0]!;
  const { res } = opts;
  // A status set before tRPC answered (none today) wins, as in tRPC's adapter.
  if (res.statusCode === 200) res.statusCode = meta?.status ?? getHTTPStatusCode(body);
  for (const [key, value] of headers) res.setHeader(key, value);
  const json = Buffer.from(JSON.stringify(transformTRPCResponse(config, body)));
  res.setHeader('content-length', json.byteLength);
  res.end(json);
}

async function createContext(
  opts: TrpcNodeOptions,
  info: TRPCRequestInfo,
): Promise<[TRPCError, undefined] | [undefined, Context]> {
  try {
    return [undefined, await opts.createContext({ info })];
  } catch (cause) {
    return [getTRPCErrorFromUnknown(cause), undefined];
  }
}

const streamInPlainCall = () =>
  new TRPCError({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
  });

/** resolveResponse's test for a result that must be streamed. */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  const values = Object.values(value);
  return values.some(isPromise) || values.some(isAsyncIterable);
}

/** Throws on a malformed path, which resolveResponse then refuses in its own words. */
const decodePath = (path: string) => decodeURIComponent(path);

/** A GET without a body type, or JSON: what tRPC's JSON content-type handler reads. */
function isJsonBody(req: IncomingMessage): boolean {
  const type = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json' || (type === undefined && req.method === 'GET');
}

/** The URL as tRPC's adapter builds it; null when it cannot (resolveResponse then refuses it). */
function requestUrl(req: IncomingMessage): URL | null {
  const secure = 'encrypted' in req.socket && req.socket.encrypted;
  try {
    return new URL(
      req.url ?? '/',
      `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`,
    );
  } catch {
    return null;
  }
}

/**
 * What getRequestInfo and the procedures need of a request: its headers, a signal aborted when
 * the client leaves before the answer, and the JSON body, read only when a procedure asks for
 * its input. The body is cut off past `maxBodySize`, as tRPC's adapter cuts a chunked one.
 */
class BodyOnDemand {
  readonly method: string;
  readonly headers: { get(name: string): string | null; has(name: string): boolean };
  readonly #controller = new AbortController();

  constructor(
    private readonly req: IncomingMessage,
    res: ServerResponse,
    private readonly maxBodySize: number,
  ) {
    this.method = req.method!;
    this.headers = {
      get: (name) => headerValue(req, name),
      has: (name) => req.headers[name.toLowerCase()] !== undefined,
    };
    const onClose = () => {
      if (!res.writableEnded) this.#controller.abort();
    };
    res.once('close', onClose);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  async json(): Promise<unknown> {
    const tooLarge = () => new TRPCError({ code: 'PAYLOAD_TOO_LARGE' });
    const text = await readText(this.req, this.maxBodySize, tooLarge);
    // Request.json() decodes UTF-8 without its byte order mark.
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  }
}

/** A header as WHATWG Headers.get answers it: repeated values joined with ", ". */
function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
