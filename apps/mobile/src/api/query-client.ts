// TanStack Query set up for a phone: connectivity from NetInfo (not the browser's online event),
// the cache persisted to AsyncStorage so the app opens with its last data, and mutations made
// offline paused, then replayed on reconnect.
import AsyncStorage from '@react-native-async-storage/async-storage';
import NetInfo from '@react-native-community/netinfo';
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import { QueryClient, onlineManager } from '@tanstack/react-query';
import superjson from 'superjson';
import { isOnline } from '../sync/netinfo-network';

const DAY_MS = 24 * 60 * 60 * 1000;

export const CACHE_STORAGE_KEY = 'query-cache';

/** Feeds NetInfo's connectivity into onlineManager; returns the unsubscribe. */
export function connectOnlineManager(): () => void {
  onlineManager.setEventListener((setOnline) =>
    NetInfo.addEventListener((state) => setOnline(isOnline(state))),
  );
  return () => onlineManager.setEventListener(() => undefined);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Kept for a day so the persisted cache has something to restore.
      queries: { gcTime: DAY_MS, staleTime: 10_000, retry: 1 },
      mutations: { retry: 0 },
    },
  });
}

export const cachePersister = createAsyncStoragePersister({
  storage: AsyncStorage,
  key: CACHE_STORAGE_KEY,
  // The cache holds what superjson decoded (Dates, among others). Plain JSON would bring a Date
  // back as a string after a reload, and the first formatDateTime on it threw "Invalid time
  // value", leaving a blank page.
  serialize: (client) => superjson.stringify(client),
  deserialize: (text) => superjson.parse(text),
});

export const PERSIST_MAX_AGE_MS = DAY_MS;
