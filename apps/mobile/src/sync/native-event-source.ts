// An EventSource for React Native, which has none: react-native-sse (XMLHttpRequest based, no
// native module, so it runs in Expo Go) shaped to what tRPC's subscription link reads.
// - tRPC reads `readyState`; react-native-sse keeps its state in `status`.
// - On an error, tRPC treats a CLOSED source as "this subscription failed" and an open one as
//   "the transport is retrying". react-native-sse retries an HTTP error by itself every few
//   seconds but never a dropped connection, so it is closed on any error instead: the sync
//   stream controller then reconnects with back-off and the last event id, the same way for
//   both causes (and after the app returns from the background, see use-live-sync).
// The library's own state is not in its type declarations, so this one keeps its own.
import RNEventSource from 'react-native-sse';

type Listener = (event: { data?: string; lastEventId?: string | null }) => void;

export class NativeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;

  private readonly source: RNEventSource<string>;
  private opened = false;
  private closed = false;

  constructor(url: string | URL) {
    this.source = new RNEventSource<string>(String(url), {
      // The first request at once (the library waits 500 ms by default).
      timeoutBeforeConnection: 0,
    });
    this.source.addEventListener('open', () => (this.opened = true));
    // Registered first, so the source is closed before tRPC's own error listener runs.
    this.source.addEventListener('error', () => this.close());
  }

  get readyState(): number {
    if (this.closed) return this.CLOSED;
    return this.opened ? this.OPEN : this.CONNECTING;
  }

  addEventListener(type: string, listener: Listener): void {
    this.source.addEventListener(type, listener as never);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.source.removeEventListener(type, listener as never);
  }

  close(): void {
    this.closed = true;
    this.source.close();
  }
}
