// Stand-ins for what lies outside a client in the auth tests: the server's refresh endpoint
// (rotation with reuse detection, as packages/auth does it) and the browser's Web Locks.
import { TRPCClientError } from '@trpc/client';
import type { AppCode } from '@repo/validators';
import type { LockManagerLike, MessageBus } from './refresh-lock';
import type { AuthTokens } from './session-manager';

export function appError(appCode: AppCode, httpStatus = 401): TRPCClientError<never> {
  return TRPCClientError.from({
    error: { message: appCode, code: -32001, data: { appCode, httpStatus } },
  });
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * One browser's cookie jar against one server: every refresh rotates the cookie; presenting a
 * rotated cookie again is reuse and ends the session, as the real server does after its grace.
 */
export function fakeCookieServer(ttlMs = 900_000) {
  let cookie = 'r0';
  let generation = 0;
  const used = new Set<string>();
  const server = {
    refreshes: 0,
    reused: 0,
    async refresh(): Promise<AuthTokens> {
      const presented = cookie;
      server.refreshes++;
      await tick();
      if (used.has(presented)) {
        server.reused++;
        throw appError('REFRESH_TOKEN_REUSED');
      }
      used.add(presented);
      generation++;
      cookie = `r${generation}`;
      return { accessToken: `a${generation}`, accessTokenExpiresAt: new Date(Date.now() + ttlMs) };
    },
  };
  return server;
}

/** Web Locks' exclusive mode: callbacks run one after another, in request order. */
export function fakeLockManager(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(callback, callback);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

/** Node's BroadcastChannel as the bus a browser tab would pass. */
export function broadcastBus(name: string): MessageBus {
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const onMessage = (event: Event) => listener((event as MessageEvent).data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}
