// Holds sync.events open while signed in and patches the query cache from it (the shared sync
// applier), so a change made on the web or another phone shows without a refresh. A phone
// suspends a backgrounded app's sockets, so the stream is stopped on the way to the background
// and, on return, the token is refreshed first (it may have expired meanwhile) and the stream
// restarted: the controller resumes from its last event id, so nothing in between is missed.
import type { SyncStatus } from '@repo/client';
import { useSyncEventsStream, useSyncStatus } from '@repo/client/react';
import { useEffect, useMemo } from 'react';
import { AppState } from 'react-native';
import { useApi } from '../api/api-context';
import { createNetInfoNetwork } from './netinfo-network';

export function useLiveSync(): SyncStatus {
  const { client, session } = useApi();
  const network = useMemo(createNetInfoNetwork, []);
  const stream = useSyncEventsStream(client, network);

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
