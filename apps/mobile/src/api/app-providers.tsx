import { TRPCProvider } from '@repo/client/react';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { type ReactNode, useEffect, useState } from 'react';
import { createSecureSessionStore } from '../session/secure-session-store';
import { ApiContext } from './api-context';
import {
  PERSIST_MAX_AGE_MS,
  cachePersister,
  connectOnlineManager,
  createQueryClient,
} from './query-client';
import { registerTaskMutationDefaults } from '../tasks/task-mutations';
import { createApi } from './trpc';

export function AppProviders({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  // Built once, with the mutation defaults in place before any screen can mutate.
  const [{ api, queryClient }] = useState(() => {
    const built = {
      api: createApi(apiUrl, createSecureSessionStore()),
      queryClient: createQueryClient(),
    };
    registerTaskMutationDefaults(built.queryClient, built.api.client);
    return built;
  });

  useEffect(() => {
    const disconnect = connectOnlineManager();
    // Signed out, or the session ended (revoked, reused): the next person on this phone must
    // not see this one's tasks, on screen or in the persisted cache.
    const unsubscribe = api.session.subscribe((state) => {
      if (state.status !== 'signed-out' || state.reason === 'none') return;
      queryClient.clear();
      void cachePersister.removeClient();
    });
    void api.session.restore();
    return () => {
      unsubscribe();
      disconnect();
      api.session.dispose();
    };
  }, [api, queryClient]);

  return (
    <ApiContext.Provider value={api}>
      <PersistQueryClientProvider
        client={queryClient}
        persistOptions={{ persister: cachePersister, maxAge: PERSIST_MAX_AGE_MS }}
        // Once the saved cache is back: send the writes made offline before the app was closed,
        // then refetch what is on screen (the saved copy is what the app last saw, maybe from
        // before its last writes settled; it shows at once, and offline, but is not the truth).
        onSuccess={() =>
          void queryClient.resumePausedMutations().then(() => queryClient.invalidateQueries())
        }
      >
        <TRPCProvider trpcClient={api.client} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </PersistQueryClientProvider>
    </ApiContext.Provider>
  );
}
