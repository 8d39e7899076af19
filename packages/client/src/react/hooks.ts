// React views of the core's observable objects, through useSyncExternalStore.
import { useSyncExternalStore } from 'react';
import type { SessionManager, SessionState } from '../auth/session-manager';
import type { SyncStatus, SyncStream } from '../sync/sync-stream';

export function useSessionState(session: SessionManager): SessionState {
  return useSyncExternalStore(
    (onChange) => session.subscribe(onChange),
    () => session.getState(),
  );
}

export function useSyncStatus(stream: SyncStream): SyncStatus {
  return useSyncExternalStore(
    (onChange) => stream.subscribe(onChange),
    () => stream.getStatus(),
  );
}

/** The words a status element shows. */
export const syncStatusLabel: Record<SyncStatus, string> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
  stopped: 'Offline',
};
