// Holds sync.events open while the shell is mounted (signed in) and patches the query cache from
// it, so a change made in another tab, browser or the phone shows up without a reload.
import type { SyncStatus } from '@repo/client';
import { useSyncEventsStream, useSyncStatus } from '@repo/client/react';
import { useEffect } from 'react';
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
  const stream = useSyncEventsStream(apiClient, browserNetwork);
  useEffect(() => {
    stream.start();
    return () => stream.stop();
  }, [stream]);
  return useSyncStatus(stream);
}
