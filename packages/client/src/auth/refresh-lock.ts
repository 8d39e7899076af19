// Cross-tab coordination of token refreshes. Refresh tokens rotate on every use and a rotated one
// used again revokes the session, so two tabs refreshing with the same cookie at once would sign
// everyone out. On the web every refresh runs under one Web Lock, and the tab that refreshed
// tells the others the new access token over a BroadcastChannel. A phone has one "tab": it
// passes `noopRefreshLock`.

/** What tabs tell each other. */
export type SessionMessage =
  | { type: 'refreshed'; accessToken: string; accessTokenExpiresAt: number }
  | { type: 'signed-out'; reason: 'signed-out' | 'ended' };

export interface RefreshLock {
  /** Runs `task` while no other tab runs one under the same lock. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  publish(message: SessionMessage): void;
  /** Messages from the other tabs (never this tab's own); returns the unsubscribe. */
  subscribe(listener: (message: SessionMessage) => void): () => void;
  close(): void;
}

export const noopRefreshLock: RefreshLock = {
  exclusive: (task) => task(),
  publish: () => undefined,
  subscribe: () => () => undefined,
  close: () => undefined,
};

// Structural types for the two browser APIs, so this file needs no DOM typings (React Native
// compiles it too) and tests can pass fakes.
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}
/**
 * A BroadcastChannel seen as a message bus. The app adapts its platform's channel (DOM and Node
 * type their events differently, React Native has none), e.g.
 * `listen: (l) => { const h = (e: MessageEvent) => l(e.data); ch.addEventListener('message', h); ... }`.
 */
export interface MessageBus {
  post(message: unknown): void;
  /** Returns the unsubscribe. */
  listen(listener: (data: unknown) => void): () => void;
  close(): void;
}

export interface WebRefreshLockOptions {
  /** `navigator.locks`; absent in old browsers, then refreshes are only single-flight per tab. */
  locks: LockManagerLike | undefined;
  /** Over `new BroadcastChannel(name)`; absent, tabs do not share tokens (still correct, more refreshes). */
  channel: MessageBus | undefined;
  name?: string;
}

export function createWebRefreshLock(options: WebRefreshLockOptions): RefreshLock {
  const { locks, channel } = options;
  const name = options.name ?? 'repo-auth-refresh';
  return {
    exclusive: (task) => (locks ? locks.request(name, task) : task()),
    publish: (message) => channel?.post(message),
    subscribe(listener) {
      if (!channel) return () => undefined;
      return channel.listen((data) => {
        if (isSessionMessage(data)) listener(data);
      });
    },
    close: () => channel?.close(),
  };
}

function isSessionMessage(value: unknown): value is SessionMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (message.type === 'refreshed') {
    return (
      typeof message.accessToken === 'string' && typeof message.accessTokenExpiresAt === 'number'
    );
  }
  return (
    message.type === 'signed-out' && (message.reason === 'signed-out' || message.reason === 'ended')
  );
}
