// The phone's SessionStore: the refresh token in the platform keystore (expo-secure-store), the
// access token in memory only, so a cold start refreshes before its first request. SecureStore
// does not exist on the web export; there the refresh token falls back to localStorage, which
// is what a web page without HttpOnly cookies has.
import type { SessionStore, StoredSession } from '@repo/client';
import * as SecureStore from 'expo-secure-store';
import { Platform } from 'react-native';

const REFRESH_TOKEN_KEY = 'refresh-token';

export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

const secureStore: KeyValueStore = {
  get: (key) => SecureStore.getItemAsync(key),
  set: (key, value) => SecureStore.setItemAsync(key, value),
  remove: (key) => SecureStore.deleteItemAsync(key),
};

const webStorage: KeyValueStore = {
  get: (key) => Promise.resolve(globalThis.localStorage?.getItem(key) ?? null),
  set: (key, value) => Promise.resolve(globalThis.localStorage?.setItem(key, value)),
  remove: (key) => Promise.resolve(globalThis.localStorage?.removeItem(key)),
};

export const platformKeyValueStore = (): KeyValueStore =>
  Platform.OS === 'web' ? webStorage : secureStore;

export function createSecureSessionStore(
  storage: KeyValueStore = platformKeyValueStore(),
): SessionStore {
  let inMemory: Omit<StoredSession, 'refreshToken'> | null = null;
  return {
    async load() {
      const refreshToken = await storage.get(REFRESH_TOKEN_KEY);
      if (!refreshToken) return inMemory;
      // Expired on purpose after a restart: the manager refreshes before the first request.
      return {
        ...(inMemory ?? { accessToken: '', accessTokenExpiresAt: new Date(0) }),
        refreshToken,
      };
    },
    async save({ refreshToken, ...access }) {
      inMemory = access;
      if (refreshToken) await storage.set(REFRESH_TOKEN_KEY, refreshToken);
    },
    async clear() {
      inMemory = null;
      await storage.remove(REFRESH_TOKEN_KEY);
    },
  };
}
