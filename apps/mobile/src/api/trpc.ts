// The typed client: tRPC over httpBatchLink (the streaming link is fragile on React Native),
// superjson on the wire, the shared auth link for tokens and refresh. Only types come from
// @repo/api; no server code reaches the bundle.
import type { AppRouter } from '@repo/api';
import {
  type SessionManager,
  type SessionStore,
  authLink,
  authorizationHeader,
  createSessionManager,
  noopRefreshLock,
} from '@repo/client';
import { type TRPCClient, createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';

export interface Api {
  client: TRPCClient<AppRouter>;
  session: SessionManager;
  /** Ends the session on the server (best effort: offline, it still ends here). */
  signOut(): Promise<void>;
}

export function createApi(apiUrl: string, store: SessionStore): Api {
  const url = `${apiUrl}/trpc`;
  // Refresh goes around the auth link: it is how the auth link gets its tokens.
  const bare = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url, transformer: superjson })],
  });
  const session = createSessionManager({
    store,
    // A phone runs one copy of the app: nothing to coordinate with.
    lock: noopRefreshLock,
    refresh: (refreshToken) => bare.auth.refresh.mutate({ refreshToken }),
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      authLink<AppRouter>(session),
      httpBatchLink({
        url,
        transformer: superjson,
        headers: ({ opList }) => authorizationHeader(opList),
      }),
    ],
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
