// The live-sync stream of a signed-in app: sync.events through the app's own tRPC client,
// applied to the query cache by the shared applier, resuming from its last event id after any
// break. Both apps build it here, so they apply events and report status alike; each starts and
// stops it around its own lifecycle (the phone also around going to the background).
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ApiClient } from '../api-client';
import { isSessionEnded } from '../auth';
import { createSyncApplier } from '../sync/sync-applier';
import { type NetworkStatus, type SyncStream, createSyncStream } from '../sync/sync-stream';
import { useTRPC } from './trpc';

/** `network` must keep its identity across renders (a module constant, or memoized). */
export function useSyncEventsStream(client: ApiClient, network: NetworkStatus): SyncStream {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMemo(() => {
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
      network,
      // The session manager sends the app to sign-in; reconnecting could not help.
      isFatal: isSessionEnded,
    });
  }, [trpc, queryClient, client, network]);
}
