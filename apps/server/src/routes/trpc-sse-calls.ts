// One subscription over SSE (httpSubscriptionLink: live sync's sync.events), answered without
// resolveResponse (trpc-direct-calls.ts says why and what stays tRPC's). tRPC's producer sends
// each event through an async generator with a ping race, a ReadableStream, a TransformStream
// that cuts it into three strings and a TextEncoderStream, then a second ReadableStream
// (bench --only=sync: 556 µs of server CPU a delivered event that way, 385 µs here; 118 against
// 82 KB RSS an idle stream). Here the procedure's iterator is read in one loop and each event
// written as one string, in tRPC's own wire format:
// the `connected` event with the client options, `data`/`id` for each event (`restore-id` after
// an untracked one), `ping` after each quiet interval, `return` at the end, `serialized-error`
// for a throw, nothing after an abort. `trpc-sse-calls.test.ts` holds the bytes to tRPC's.
import { isObservable, observableToAsyncIterable } from '@trpc/server/observable';
import {
  TRPCError,
  getErrorShape,
  getLastEventId,
  getTRPCErrorFromUnknown,
  isAbortError,
  isAsyncIterable,
  isTrackedEnvelope,
  sseHeaders,
} from '@trpc/server/unstable-core-do-not-import';
import { drained } from '../http/drained';
import {
  type DirectCall,
  type RouterConfig,
  createContext,
  outputText,
  writeHead,
} from './trpc-direct-call';

/** A single, unbatched subscription by GET, with the SSE options this path speaks. */
export function isSseCall({ opts, info, request }: DirectCall): boolean {
  const sse = opts.router._def._config.sse;
  return (
    request.method === 'GET' &&
    !info.isBatchCall &&
    info.calls.length === 1 &&
    info.calls[0]!.procedure?._def.type === 'subscription' &&
    sse?.enabled !== false &&
    // Options no procedure of ours uses: resolveResponse keeps them.
    !sse?.emitAndEndImmediately &&
    !sse?.maxDurationMs
  );
}

// A frozen value is the same bytes every time it is sent: live sync yields one frozen event object
// to all of a user's streams in a process (packages/api's sync/log.ts), and each stream would
// otherwise serialize it again (superjson + JSON.stringify, ~40 µs a task event). Only frozen
// values are remembered, since any other may change between two yields; per transformer, since
// two routers may serialize one value differently.
const sentBefore = new WeakMap<object, WeakMap<object, string>>();

function eventData(config: RouterConfig, value: unknown) {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value))
    return outputText(config, value);
  let texts = sentBefore.get(config.transformer);
  if (!texts) sentBefore.set(config.transformer, (texts = new WeakMap()));
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = outputText(config, value)));
  return text;
}

/** One SSE event as tRPC's producer frames it (its fields, then a blank line and one more). */
function frame(event: { event?: string; data: string; id?: string }): string {
  let text = event.event === undefined ? '' : `event: ${event.event}\n`;
  text += `data: ${event.data}\n`;
  if (event.id !== undefined) text += `id: ${event.id}\n`;
  return `${text}\n\n`;
}

export async function answerSseCall(direct: DirectCall): Promise<void> {
  const { opts, info, request, searchParams } = direct;
  const { res } = opts;
  const config = opts.router._def._config;
  const call = info.calls[0]!;
  const procedure = call.procedure!;
  const [contextError, ctx] = await createContext(direct);

  // The procedure's events, or why there are none (its one event is then that error).
  let iterator: AsyncIterator<unknown> | undefined;
  let failure: TRPCError | undefined;
  try {
    if (contextError) throw contextError;
    const data: unknown = await procedure({
      path: call.path,
      getRawInput: call.getRawInput,
      ctx,
      type: 'subscription',
      signal: request.signal,
      batchIndex: call.batchIndex,
    });
    if (isObservable(data))
      iterator = observableToAsyncIterable(data, request.signal)[Symbol.asyncIterator]();
    else if (isAsyncIterable(data)) iterator = data[Symbol.asyncIterator]();
    else
      failure = new TRPCError({
        code: 'INTERNAL_SERVER_ERROR',
        message: `Subscription ${call.path} did not return an observable or a AsyncGenerator`,
      });
  } catch (cause) {
    // As resolveResponse: a refused call (UNAUTHORIZED, bad input) is still a 200 stream whose
    // one event is the error, which httpSubscriptionLink hands to the subscriber.
    failure = getTRPCErrorFromUnknown(cause);
  }

  const meta = opts.responseMeta?.({
    ctx,
    info,
    paths: [call.path],
    data: [],
    errors: [],
    eagerGeneration: true,
    type: 'subscription',
  });
  writeHead(
    res,
    meta?.status ?? 200,
    { vary: 'trpc-accept, accept', ...sseHeaders },
    meta?.headers,
  );

  const send = (text: string) => (res.destroyed ? true : res.write(text));
  send(frame({ event: 'connected', data: JSON.stringify(config.sse?.client ?? {}) }));

  const ping = config.sse?.ping;
  const pingMs = ping?.enabled ? (ping.intervalMs ?? 1000) : 0;
  // One timer a stream, pushed back after every event: a ping only after a quiet interval.
  const pinger =
    pingMs > 0 && pingMs !== Infinity
      ? setInterval(() => send(frame({ event: 'ping', data: '' })), pingMs)
      : undefined;
  // The client left: end the iterator even if it does not watch the signal.
  const onClose = () => void iterator?.return?.().catch(() => {});
  res.once('close', onClose);

  // The id the client's EventSource holds and sends back when it reconnects; one with these
  // characters could not be sent in an `id` field.
  const asked = getLastEventId({
    headers: request.headers as unknown as Headers,
    searchParams,
  });
  let lastEventId = asked && !/[\0\n\r]/.test(asked) ? asked : null;
  let finished = !iterator;
  try {
    if (!iterator) throw failure ?? new TRPCError({ code: 'INTERNAL_SERVER_ERROR' });
    for (;;) {
      finished = true; // a next() that throws has ended the iterator too
      const next = await iterator.next();
      if (next.done) break;
      finished = false;
      const value: unknown = next.value;
      const tracked = isTrackedEnvelope(value);
      const data = eventData(config, tracked ? value[1] : value);
      let written: boolean;
      if (tracked) {
        lastEventId = value[0];
        written = send(frame({ id: value[0], data }));
      } else if (lastEventId === null) {
        written = send(frame({ data }));
      } else {
        // EventSource gives an event without an id the last id it had: clear it for this event,
        // then set it back with an event clients do not listen to, so a reconnect still resumes.
        send(frame({ data, id: '' }));
        written = send(frame({ event: 'restore-id', data: '', id: lastEventId }));
      }
      pinger?.refresh();
      // Backpressure: a slow client must not make us buffer a whole stream.
      if (!written) await drained(res);
    }
    send(frame({ event: 'return', data: '' }));
  } catch (cause) {
    if (!isAbortError(cause)) {
      const error = getTRPCErrorFromUnknown(cause);
      opts.onError?.({ error, path: call.path });
      const input = call.result();
      const shape = getErrorShape({
        config,
        ctx,
        error,
        input,
        path: call.path,
        type: 'subscription',
      });
      send(frame({ event: 'serialized-error', data: outputText(config, shape) }));
    }
  } finally {
    clearInterval(pinger);
    res.off('close', onClose);
    // Ended by our throw (a value that does not serialize): let the procedure clean up.
    if (!finished) onClose();
    res.end();
  }
}
