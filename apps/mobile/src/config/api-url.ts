// Where the server is. A build says so with EXPO_PUBLIC_API_URL (inlined by Expo at build time);
// in development the phone reaches the server on the machine that serves the bundle, so the
// dev server's host (Expo Go's hostUri) with the API port is the default. No answer is null: the
// app then says how to configure it instead of failing on its first request.
import Constants from 'expo-constants';

/** The server's port in development (apps/server's default PORT). */
export const DEV_API_PORT = 3000;

export interface ApiUrlSources {
  configured: string | undefined;
  isDevelopment: boolean;
  /** e.g. "192.168.1.20:8081", the host the dev server was reached on. */
  devServerHost: string | undefined | null;
}

export function resolveApiUrl({
  configured,
  isDevelopment,
  devServerHost,
}: ApiUrlSources): string | null {
  const explicit = configured?.trim();
  if (explicit) return explicit.replace(/\/+$/, '');
  if (!isDevelopment || !devServerHost) return null;
  const host = devServerHost.split(':')[0];
  return host ? `http://${host}:${DEV_API_PORT}` : null;
}

export function apiUrlFromEnvironment(): string | null {
  return resolveApiUrl({
    // Expo inlines EXPO_PUBLIC_* only when written out literally like this.
    // eslint-disable-next-line no-restricted-properties -- the app's one configuration read
    configured: process.env.EXPO_PUBLIC_API_URL,
    isDevelopment: __DEV__,
    devServerHost: Constants.expoConfig?.hostUri,
  });
}
