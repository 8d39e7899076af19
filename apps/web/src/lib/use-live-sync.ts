// Holds sync.events open while the shell is mounted (signed in) and patches the query cache from
// it, so a change made in another tab, browser or the phone shows up without a reload. The
// stream resumes from its last event id after any break (packages/client sync-stream.ts).
import { type SyncStatus, createSyncApplier, createSyncStream, isSessionEnded } from '@repo/client';
import { useSyncStatus, useTRPC } from '@repo/client/react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { apiClient } from './api';

const browserNetwork = {
  isOnline: () => navigator.onLine,
  subscribe(listener: (online: boolean) => void) {
    const online = () => listener(true);
    const offline = () => listener(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  },
};

export function useLiveSync(): SyncStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stream = useMemo(() => {
    const applier = createSyncApplier(queryClient, {
      task: { list: trpc.task.list.pathKey(), byId: trpc.task.byId.pathKey() },
      tag: { list: trpc.tag.list.pathKey(), byId: trpc.tag.list.pathKey() },
      asset: { list: trpc.asset.list.pathKey(), byId: trpc.asset.byId.pathKey() },
    });
    return createSyncStream({
      connect(lastEventId, handlers) {
        const subscription = apiClient.sync.events.subscribe(
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
      network: browserNetwork,
      // The session manager sends the tab to sign-in; reconnecting could not help.
      isFatal: isSessionEnded,
    });
  }, [trpc, queryClient]);

  useEffect(() => {
    stream.start();
    return () => stream.stop();
  }, [stream]);
  return useSyncStatus(stream);
}
