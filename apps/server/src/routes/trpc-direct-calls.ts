// The calls answered without the WHATWG round trip of tRPC's resolveResponse (issue 14): plain
// JSON calls (queries and mutations, batched or not: what the apps' httpBatchLink sends) and one
// subscription over SSE (what httpSubscriptionLink opens for live sync). On auth.me that round
// trip was most of tRPC's cost over the REST mirror: a Request with its own Headers and body
// stream, a URL, five AbortSignals joined by a ponyfill, a Response read back into a buffer; on a
// live-sync stream it was five WHATWG streams and three chunks for every event.
//
// The protocol stays tRPC's: the request is read by tRPC's own getRequestInfo (paths, batching,
// its size cap, input decoding, lastEventId, connectionParams), each procedure is called the way
// resolveResponse calls it, errors are shaped by tRPC's getErrorShape, statuses come from its
// getHTTPStatusCode and bodies from its transformTRPCResponse; the response meta callback gets
// what resolveResponse gives it. Whatever is neither (jsonl streaming, form data, octet streams,
// HEAD, a method a procedure does not take, an unknown path, a request getRequestInfo refuses) is
// left to resolveResponse, untouched: nothing of the request has been read when that is decided.
// `trpc-json-calls.test.ts` and `trpc-sse-calls.test.ts` hold the two paths to the same answers,
// byte for byte, so a tRPC upgrade that moves any of this fails there.
import type { IncomingMessage } from 'node:http';
import { type TRPCRequestInfo, getRequestInfo } from '@trpc/server/unstable-core-do-not-import';
import { BodyOnDemand, type DirectCall } from './trpc-direct-call';
import { answerJsonCalls } from './trpc-json-calls';
import type { TrpcNodeOptions } from './trpc-node-adapter';
import { answerSseCall, isSseCall } from './trpc-sse-calls';

/** The one method each procedure type is called with (tRPC's, without method override). */
const METHOD_OF = { query: 'GET', mutation: 'POST', subscription: 'GET' } as const;

/**
 * Answers the request when it is plain JSON calls or one SSE subscription and returns true;
 * returns false, having read nothing of the body, when resolveResponse must answer it.
 */
export async function answerDirectly(opts: TrpcNodeOptions): Promise<boolean> {
  const { req, res, router } = opts;
  const method = req.method;
  if (opts.error || (method !== 'GET' && method !== 'POST') || !isJsonBody(req)) return false;
  const base = urlBase(req);
  if (!base) return false;
  const searchParams = querySearchParams(req.url ?? '/');
  const request = new BodyOnDemand(req, res, opts.maxBodySize);
  let parsed: TRPCRequestInfo;
  try {
    parsed = await getRequestInfo({
      // getRequestInfo reads only method, headers.get/has, signal and json() (for a POST); the
      // signal it copies into info is given below, made when read (BodyOnDemand says why).
      req: withoutSignal(request) as unknown as Request,
      path: decodePath(opts.path),
      router,
      searchParams,
      headers: request.headers as unknown as Headers,
      url: null, // LazyRequestInfo makes it when read
      maxBatchSize: opts.maxBatchSize,
    });
  } catch {
    return false; // resolveResponse answers the same refusal (or the path's bad encoding)
  }
  const info: TRPCRequestInfo = new LazyRequestInfo(parsed, request, () => requestUrl(req, base));
  if (info.accept === 'application/jsonl') return false;
  for (const call of info.calls) {
    const type = call.procedure?._def.type;
    if (!type || METHOD_OF[type] !== method) return false;
  }
  const direct: DirectCall = { opts, info, request, searchParams };
  if (isSseCall(direct)) {
    await answerSseCall(direct);
    return true;
  }
  if (info.calls.some((call) => call.procedure!._def.type === 'subscription')) return false;
  await answerJsonCalls(direct);
  return true;
}

/** The request as getRequestInfo reads it, but for the signal, which reading would make. */
const withoutSignal = (request: BodyOnDemand) => ({
  method: request.method,
  headers: request.headers,
  json: () => request.json(),
  signal: undefined,
});

/**
 * tRPC's request info with its signal and URL made when read (a URL costs ~6 µs a call, and
 * nothing of ours reads it). A class: a getter added to a copy of tRPC's object, or defined on
 * it, turns it into a slow dictionary-mode object; and a field a tRPC upgrade adds fails to
 * compile here instead of going missing. The two getters are the prototype's, so a spread copy of
 * the info has neither.
 */
class LazyRequestInfo implements TRPCRequestInfo {
  readonly isBatchCall: boolean;
  readonly accept: TRPCRequestInfo['accept'];
  readonly calls: TRPCRequestInfo['calls'];
  readonly type: TRPCRequestInfo['type'];
  readonly connectionParams: TRPCRequestInfo['connectionParams'];
  #url: URL | undefined;

  constructor(
    parsed: TRPCRequestInfo,
    private readonly request: BodyOnDemand,
    private readonly makeUrl: () => URL,
  ) {
    this.isBatchCall = parsed.isBatchCall;
    this.accept = parsed.accept;
    this.calls = parsed.calls;
    this.type = parsed.type;
    this.connectionParams = parsed.connectionParams;
  }

  get signal(): AbortSignal {
    return this.request.signal;
  }

  get url(): URL {
    return (this.#url ??= this.makeUrl());
  }
}

/** Throws on a malformed path, which resolveResponse then refuses in its own words. */
const decodePath = (path: string) => decodeURIComponent(path);

/** A GET without a body type, or JSON: what tRPC's JSON content-type handler reads. */
function isJsonBody(req: IncomingMessage): boolean {
  const type = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json' || (type === undefined && req.method === 'GET');
}

/** The origin tRPC's adapter builds the URL on; null when that URL cannot be built. */
function urlBase(req: IncomingMessage): string | null {
  const secure = 'encrypted' in req.socket && req.socket.encrypted;
  const base = `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  let valid = validBases.get(base);
  if (valid === undefined) {
    // On a valid origin, a path like ours ("/trpc/...") always resolves: only the Host can fail.
    valid = URL.canParse('/', base);
    if (validBases.size >= MAX_BASES) validBases.clear();
    validBases.set(base, valid);
  }
  return valid ? base : null;
}

/** Hosts seen, checked once each; a few in practice, bounded against a client inventing them. */
const validBases = new Map<string, boolean>();
const MAX_BASES = 256;

/** The URL as tRPC's adapter builds it. */
const requestUrl = (req: IncomingMessage, base: string) => new URL(req.url ?? '/', base);

/**
 * `new URL(target, base).searchParams` from the request target alone: what follows the first
 * `?`, up to the first `#`, where URL's parser cuts the fragment off. The characters URL
 * percent-encodes there decode back to themselves, so both read the same parameters (node
 * answers 400 to a target with a byte over 0x7f, the one case where they would not).
 */
export function querySearchParams(target: string): URLSearchParams {
  const hashAt = target.indexOf('#');
  const end = hashAt === -1 ? target.length : hashAt;
  const queryAt = target.indexOf('?');
  if (queryAt === -1 || queryAt >= end) return new URLSearchParams();
  // With its `?`, which URLSearchParams drops: a second one is then a parameter's, as in URL.
  return new URLSearchParams(target.slice(queryAt, end));
}
