// Holds one live-sync subscription open for as long as the client is signed in: resumes from the
// last applied event id after any break, so nothing is missed; backs off while the server is
// unreachable; waits quietly while the device is offline; and reports a status a person can read.
import type { SyncEvent } from '@repo/validators';

export type SyncStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'stopped';

export interface SyncConnectHandlers {
  /** The server accepted the subscription (again): events flow. */
  onOpen(): void;
  onEvent(id: string | undefined, event: SyncEvent): void;
  /** The transport lost the connection and is retrying by itself (SSE does). */
  onInterrupted(): void;
  /** The subscription ended with an error; the controller reconnects after a back-off. */
  onError(error: unknown): void;
}

export interface SyncConnection {
  close(): void;
}

/** Online/offline signal: `navigator.onLine` + events on the web, NetInfo on a phone. */
export interface NetworkStatus {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface SyncStreamOptions {
  /** Opens `sync.events` from `lastEventId` (tRPC: client.sync.events.subscribe). */
  connect(lastEventId: string | null, handlers: SyncConnectHandlers): SyncConnection;
  onEvent(id: string | undefined, event: SyncEvent): void;
  network?: NetworkStatus;
  /** Wait before reconnect attempt `attempt` (0-based); default 1 s doubling to 30 s. */
  backoffMs?: (attempt: number) => number;
  /** An error after which reconnecting is pointless (the session ended): stop instead. */
  isFatal?: (error: unknown) => boolean;
}

export interface SyncStream {
  start(): void;
  stop(): void;
  getStatus(): SyncStatus;
  getLastEventId(): string | null;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

const defaultBackoff = (attempt: number) => Math.min(30_000, 1_000 * 2 ** attempt);

export function createSyncStream(options: SyncStreamOptions): SyncStream {
  const backoff = options.backoffMs ?? defaultBackoff;
  const listeners = new Set<(status: SyncStatus) => void>();
  let status: SyncStatus = 'stopped';
  let connection: SyncConnection | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let lastEventId: string | null = null;
  let unsubscribeNetwork: (() => void) | null = null;
  /** Bumped per connection, so a closed connection's late callbacks are ignored. */
  let generation = 0;

  const setStatus = (next: SyncStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of listeners) listener(status);
  };

  function disconnect() {
    generation++;
    connection?.close();
    connection = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function connect() {
    disconnect();
    if (options.network && !options.network.isOnline()) return setStatus('offline');
    const mine = ++generation;
    const current = () => mine === generation;
    connection = options.connect(lastEventId, {
      onOpen() {
        if (!current()) return;
        attempt = 0;
        setStatus('live');
      },
      onEvent(id, event) {
        if (!current()) return;
        options.onEvent(id, event);
        if (id !== undefined) lastEventId = id;
      },
      onInterrupted() {
        if (current()) setStatus('reconnecting');
      },
      onError(error) {
        if (!current()) return;
        disconnect();
        if (options.isFatal?.(error)) return setStatus('stopped');
        setStatus(options.network && !options.network.isOnline() ? 'offline' : 'reconnecting');
        retryTimer = setTimeout(connect, backoff(attempt++));
      },
    });
  }

  return {
    start() {
      if (status !== 'stopped') return;
      setStatus('connecting');
      unsubscribeNetwork =
        options.network?.subscribe((online) => {
          if (status === 'stopped') return;
          if (!online) {
            disconnect();
            setStatus('offline');
          } else if (status === 'offline' || status === 'reconnecting') {
            attempt = 0;
            setStatus('reconnecting');
            connect();
          }
        }) ?? null;
      connect();
    },
    stop() {
      disconnect();
      unsubscribeNetwork?.();
      unsubscribeNetwork = null;
      setStatus('stopped');
    },
    getStatus: () => status,
    getLastEventId: () => lastEventId,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
