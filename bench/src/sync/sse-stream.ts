// A bare SSE client for sync.events: one http GET per stream, the token in the Authorization
// header, and a line parser that keeps only `event:`, `data:` and `id:`. An EventSource object per stream
// (npm eventsource) costs a fetch, a TextDecoderStream and its own parser; holding a thousand of
// them would measure the client. The format is tRPC's (httpSubscriptionLink reads the same):
// a tracked event is `data: <superjson>` then `id: <id>`; pings and `connected` carry no id.
import { type ClientRequest, request } from 'node:http';

export interface SseStream {
  /** Resolves when the server has answered 200 and sent its first frame. */
  connected: Promise<void>;
  close(): void;
}

export interface SseHandlers {
  onEvent(id: string, data: string): void;
  onError(error: string): void;
}

/** `GET <base>/trpc/sync.events?input=...`: the log after `lastEventId`, then live. */
export function openSyncStream(
  baseUrl: string,
  accessToken: string,
  lastEventId: string,
  handlers: SseHandlers,
): SseStream {
  const input = encodeURIComponent(JSON.stringify({ json: { lastEventId } }));
  let req: ClientRequest | undefined;
  let closed = false;
  const connected = new Promise<void>((resolve, reject) => {
    req = request(`${baseUrl}/trpc/sync.events?input=${input}`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'text/event-stream' },
      agent: false,
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`sync.events answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let buffered = '';
      // tRPC writes a frame's fields as event, data, id; a blank line ends the frame.
      let frame: { event?: string; data?: string; id?: string } = {};
      res.on('data', (chunk: string) => {
        resolve();
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (line.startsWith('data:')) frame.data = line.slice(5);
          else if (line.startsWith('id:')) frame.id = line.slice(3).trim();
          else if (line.startsWith('event:')) frame.event = line.slice(6).trim();
          else if (line === '') {
            if (frame.event === 'serialized-error') handlers.onError(frame.data ?? 'error');
            else if (frame.id && frame.data !== undefined) handlers.onEvent(frame.id, frame.data);
            frame = {};
          }
        }
      });
      res.on('end', () => {
        if (!closed) handlers.onError('stream ended by the server');
      });
    });
    req.on('error', (error) => {
      if (closed) return;
      reject(error);
      handlers.onError(String(error));
    });
    req.end();
  });
  return {
    connected,
    close() {
      closed = true;
      req?.destroy();
    },
  };
}

export interface ResumingStream extends SseStream {
  /** How many times it reconnected after the server ended or failed it. */
  readonly reconnects: number;
}

/**
 * What a real client does (httpSubscriptionLink): when the server ends or fails the stream (a
 * 503 under overload, a restart), reconnect after a pause with the last id received, so a lost
 * connection costs latency, never events. Starts after `from` (an event id; '0' is the user's
 * whole log), then live.
 */
export function resumingSyncStream(
  baseUrl: string,
  accessToken: string,
  from: string,
  handlers: SseHandlers,
  retryMs = 1000,
): ResumingStream {
  let lastEventId = from;
  let closed = false;
  let reconnects = 0;
  let retry: NodeJS.Timeout | undefined;
  const connect = (): SseStream => {
    let failed = false;
    const stream = openSyncStream(baseUrl, accessToken, lastEventId, {
      onEvent(id, data) {
        lastEventId = id;
        handlers.onEvent(id, data);
      },
      onError(error) {
        handlers.onError(error);
        // One reconnect per connection, however many ways it reports its end.
        if (closed || failed) return;
        failed = true;
        stream.close();
        retry = setTimeout(() => {
          reconnects++;
          current = connect();
          current.connected.catch(() => {});
        }, retryMs);
      },
    });
    return stream;
  };
  let current = connect();
  return {
    connected: current.connected,
    get reconnects() {
      return reconnects;
    },
    close() {
      closed = true;
      clearTimeout(retry);
      current.close();
    },
  };
}
