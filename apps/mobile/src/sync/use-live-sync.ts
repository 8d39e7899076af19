// Holds sync.events open while signed in and patches the query cache from it (the shared sync
// applier), so a change made on the web or another phone shows without a refresh. A phone
// suspends a backgrounded app's sockets, so the stream is stopped on the way to the background
// and, on return, the token is refreshed first (it may have expired meanwhile) and the stream
// restarted: the controller resumes from its last event id, so nothing in between is missed.
import { type SyncStatus, createSyncApplier, createSyncStream, isSessionEnded } from '@repo/client';
import { useSyncStatus, useTRPC } from '@repo/client/react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { AppState } from 'react-native';
import { useApi } from '../api/api-context';
import { createNetInfoNetwork } from './netinfo-network';

export function useLiveSync(): SyncStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { client, session } = useApi();
  const stream = useMemo(() => {
    const applier = createSyncApplier(queryClient, {
      task: { list: trpc.task.list.pathKey(), byId: trpc.task.byId.pathKey() },
      tag: { list: trpc.tag.list.pathKey(), byId: trpc.tag.list.pathKey() },
      asset: { list: trpc.asset.list.pathKey(), byId: trpc.asset.byId.pathKey() },
    });
    return createSyncStream({
      connect(lastEventId, handlers) {
        const subscription = client.sync.events.subscribe(
          { lastEventId },
          {
            onStarted: () => handlers.onOpen(),
            onData: ({ id, data }) => handlers.onEvent(id, data),
            onError: (error) => handlers.onError(error),
            onConnectionStateChange: (state) => {
              if (state.state === 'connecting' && state.error) handlers.onInterrupted();
              if (state.state === 'pending') handlers.onOpen();
            },
          },
        );
        return { close: () => subscription.unsubscribe() };
      },
      onEvent: (id, event) => applier.applyEvent(id, event),
      network: createNetInfoNetwork(),
      // The session manager sends the app to sign-in; reconnecting could not help.
      isFatal: isSessionEnded,
    });
  }, [trpc, queryClient, client]);

  useEffect(() => {
    stream.start();
    let current = AppState.currentState;
    const appState = AppState.addEventListener('change', (next) => {
      const wasAway = current !== 'active';
      current = next;
      if (next === 'background') stream.stop();
      if (next === 'active' && wasAway) {
        // A failed refresh (offline) still restarts: the stream then waits for the network.
        void session
          .accessToken()
          .catch(() => null)
          .then(() => {
            if (AppState.currentState === 'active') stream.start();
          });
      }
    });
    return () => {
      appState.remove();
      stream.stop();
    };
  }, [stream, session]);

  return useSyncStatus(stream);
}
