// The app's one session, tRPC client and query cache. The access token lives in this tab's
// memory only; the refresh token is the HttpOnly cookie, shared by the tabs, whose refreshes
// queue on one Web Lock and whose new tokens are passed around on a BroadcastChannel.
import {
  type MessageBus,
  appCodeOf,
  createApiClient,
  createMemorySessionStore,
  createRefresh,
  createSessionManager,
  createWebRefreshLock,
  httpStatusOf,
} from '@repo/client';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { clearServerTrouble, reportServerTrouble } from './server-trouble';

const TRPC_URL = '/trpc';

function broadcastBus(name: string): MessageBus | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const onMessage = (event: MessageEvent) => listener(event.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

export const session = createSessionManager({
  store: createMemorySessionStore(),
  lock: createWebRefreshLock({
    locks: typeof navigator !== 'undefined' ? navigator.locks : undefined,
    channel: broadcastBus('typed-tasks-session'),
  }),
  refresh: createRefresh({ url: TRPC_URL }),
});

export const apiClient = createApiClient({ url: TRPC_URL, session, EventSource });

/** Client errors are answers, not outages: retrying a 4xx cannot change it. */
const retry = (failures: number, error: unknown) => {
  const status = httpStatusOf(error);
  return failures < 2 && (status === undefined || status >= 500);
};

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 15_000, retry },
    mutations: { retry: false },
  },
  // The banner goes as soon as the server answers again.
  queryCache: new QueryCache({ onError: reportServerTrouble, onSuccess: clearServerTrouble }),
  mutationCache: new MutationCache({ onError: reportServerTrouble, onSuccess: clearServerTrouble }),
});

// Signed out here or in another tab: nothing of that user may stay on screen.
session.subscribe((state) => {
  if (state.status === 'signed-out') queryClient.clear();
});

export { appCodeOf };
