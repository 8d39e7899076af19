// One call answered directly (trpc-direct-calls.ts decides which): what the JSON and SSE paths
// share. The request as tRPC reads it, the body read only when a procedure asks for its input,
// the context made as resolveResponse makes it, and tRPC's status and headers on our response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  TRPCError,
  type TRPCRequestInfo,
  getTRPCErrorFromUnknown,
} from '@trpc/server/unstable-core-do-not-import';
import type { OutputText } from '@repo/api';
import { readText } from '../http/read-text';
import type { TrpcNodeOptions } from './trpc-node-adapter';

export type TrpcContext = Awaited<ReturnType<TrpcNodeOptions['createContext']>>;

/** What both direct paths start from: the request as tRPC reads it. */
export interface DirectCall {
  opts: TrpcNodeOptions;
  info: TRPCRequestInfo;
  request: BodyOnDemand;
  /** The query's parameters, as `new URL(req.url).searchParams` reads them. */
  searchParams: URLSearchParams;
}

export async function createContext({
  opts,
  info,
}: DirectCall): Promise<[TRPCError, undefined] | [undefined, TrpcContext]> {
  try {
    return [undefined, await opts.createContext({ info })];
  } catch (cause) {
    return [getTRPCErrorFromUnknown(cause), undefined];
  }
}

export type RouterConfig = TrpcNodeOptions['router']['_def']['_config'];

/**
 * `JSON.stringify(transformer.output.serialize(value))`, from the transformer itself when it
 * writes its own text (ours does, without an object for superjson's annotations).
 */
export function outputText(config: RouterConfig, value: unknown): string {
  const output: Partial<OutputText> & RouterConfig['transformer']['output'] =
    config.transformer.output;
  return output.stringify ? output.stringify(value) : JSON.stringify(output.serialize(value));
}

/**
 * tRPC's status and headers on our response, as its node adapter copies them: `base` is what
 * resolveResponse would set itself, `extra` what responseMeta returned, appended as Headers
 * appends (one value, comma-joined; each cookie its own).
 */
export function writeHead(
  res: ServerResponse,
  status: number,
  base: Record<string, string>,
  extra: unknown,
): void {
  // A status set before tRPC answered (none today) wins, as in tRPC's adapter.
  if (res.statusCode === 200) res.statusCode = status;
  const headers: Record<string, string> = {};
  for (const key in base) headers[key.toLowerCase()] = base[key]!;
  const cookies: string[] = [];
  if (extra instanceof Headers) {
    for (const [key, value] of extra) {
      if (key === 'set-cookie') cookies.push(value);
      else headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
    }
  }
  for (const key in headers) res.setHeader(key, headers[key]!);
  if (cookies.length > 0) res.appendHeader('set-cookie', cookies);
}

/**
 * What getRequestInfo and the procedures need of a request: its headers, a signal aborted when
 * the client leaves before the answer ends, and the JSON body, read only when a procedure asks
 * for its input. The body is cut off past `maxBodySize`, as tRPC's adapter cuts a chunked one.
 *
 * The signal is made on first read: an AbortSignal costs ~12 µs to set up (an EventTarget given
 * a new prototype), 6% of an auth.me over tRPC, and only subscriptions need one (see
 * trpc-json-calls.ts). One read after the client left is already aborted.
 */
export class BodyOnDemand {
  readonly method: string;
  readonly headers: { get(name: string): string | null; has(name: string): boolean };
  #controller: AbortController | undefined;
  #clientLeft = false;

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
    res.once('close', () => {
      if (res.writableEnded) return;
      this.#clientLeft = true;
      this.#controller?.abort();
    });
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#clientLeft) this.#controller.abort();
    }
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
