// Plain JSON calls (queries and mutations, batched or not), answered without resolveResponse
// (trpc-direct-calls.ts says why and what stays tRPC's). `trpc-json-calls.test.ts` holds this path
// to tRPC's own answers, byte for byte.
import { getHTTPStatusCode } from '@trpc/server/http';
import {
  TRPCError,
  type TRPCRequestInfo,
  type TRPCResponse,
  getErrorShape,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import {
  type DirectCall,
  type TrpcContext,
  createContext,
  type RouterConfig,
  outputText,
  writeHead,
} from './trpc-direct-call';
import type { TrpcNodeOptions } from './trpc-node-adapter';

/** What resolveResponse sets on a JSON answer before responseMeta's headers. */
const JSON_HEADERS = { vary: 'trpc-accept, accept', 'content-type': 'application/json' };

type CallOutcome = [error: TRPCError, data: undefined] | [error: undefined, data: unknown];

/** Calls each procedure (a batch at once) and sends their answers as one JSON body. */
export async function answerJsonCalls(direct: DirectCall): Promise<void> {
  const { opts, info } = direct;
  const [contextError, ctx] = await createContext(direct);
  const outcomes = await Promise.all(
    info.calls.map(async (call): Promise<CallOutcome> => {
      try {
        if (contextError) throw contextError;
        const data: unknown = await call.procedure!({
          path: call.path,
          getRawInput: call.getRawInput,
          ctx,
          type: call.procedure!._def.type,
          // No signal for a query or a mutation, as on the REST mirror and in server-side
          // callers: one runs to its end when its client leaves (a mutation half done because a
          // phone lost its network is worse than one finished; statement_timeout bounds a
          // query), and setting one up cost 6% of an auth.me. A createContext that wants to
          // know still reads info.signal, made on that read. Subscriptions get theirs.
          signal: undefined,
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
}

function send(
  opts: TrpcNodeOptions,
  info: TRPCRequestInfo,
  ctx: TrpcContext | undefined,
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
  const body = info.isBatchCall ? responses : responses[0]!;
  const { res } = opts;
  writeHead(res, meta?.status ?? getHTTPStatusCode(body), JSON_HEADERS, meta?.headers);
  const texts = responses.map((response) => responseText(config, response));
  const json = Buffer.from(info.isBatchCall ? `[${texts.join(',')}]` : texts[0]!);
  res.setHeader('content-length', json.byteLength);
  res.end(json);
}

/**
 * `JSON.stringify(transformTRPCResponse(config, response))`: a result written as that item is,
 * `{"result":{"data":...}}`, around the data's text; errors go through tRPC's function.
 */
function responseText(config: RouterConfig, response: TRPCResponse): string {
  if ('error' in response) return JSON.stringify(transformTRPCResponse(config, response));
  return `{"result":{"data":${outputText(config, response.result.data)}}}`;
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
