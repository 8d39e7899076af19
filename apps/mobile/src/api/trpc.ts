// The typed client: the shared core's (packages/client): tRPC over httpBatchLink (the streaming
// link is fragile on React Native) through the auth link, the live-sync subscription over an
// EventSource, superjson on the wire. Only types come from @repo/api; no server code reaches
// the bundle.
import type { AppRouter } from '@repo/api';
import {
  type ApiClient,
  type SessionManager,
  type SessionStore,
  createApiClient,
  createRefresh,
  createSessionManager,
  noopRefreshLock,
} from '@repo/client';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { PlatformEventSource } from '../sync/event-source';

export interface Api {
  client: ApiClient;
  session: SessionManager;
  /** Ends the session on the server (best effort: offline, it still ends here). */
  signOut(): Promise<void>;
}

export function createApi(apiUrl: string, store: SessionStore): Api {
  const url = `${apiUrl}/trpc`;
  const session = createSessionManager({
    store,
    // A phone runs one copy of the app: nothing to coordinate with.
    lock: noopRefreshLock,
    refresh: createRefresh({ url }),
    // Opened offline (a train, a plane), the phone stays signed in and shows its saved cache.
    keepSavedSessionOffline: true,
  });
  const client = createApiClient({ url, session, EventSource: PlatformEventSource });
  // Logout names the refresh token itself and must work with an expired access token.
  const bare = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url, transformer: superjson })],
  });
  async function signOut() {
    const saved = await store.load();
    try {
      await bare.auth.logout.mutate({ refreshToken: saved?.refreshToken });
    } catch {
      // Unreachable server: the refresh token is forgotten below and expires on its own.
    }
    await session.signOut('signed-out');
  }
  return { client, session, signOut };
}
