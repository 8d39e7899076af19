// The web client's refresh token lives in an HttpOnly cookie so page scripts can never read it;
// SameSite=Strict keeps other sites from sending it, and Path=/ lets both /trpc and /api see it.
// Over HTTPS (production) its name carries the __Host- prefix: browsers then accept it only with
// Secure, Path=/ and no Domain, so a subdomain cannot plant or overwrite it.
import type { ServerResponse } from 'node:http';
import type { ResponseControl } from '@repo/api';

export const REFRESH_COOKIE = 'rt';

export const refreshCookieName = (secure: boolean) =>
  secure ? `__Host-${REFRESH_COOKIE}` : REFRESH_COOKIE;

export interface RefreshCookieOptions {
  /** Secure (HTTPS only) in production; development servers speak plain HTTP. */
  secure: boolean;
  now: () => Date;
}

export function refreshCookieHeader(token: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [
    `${refreshCookieName(secure)}=${encodeURIComponent(token)}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
  ];
  attributes.push(`Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`);
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

export function createResponseControl(
  res: Pick<ServerResponse, 'appendHeader' | 'headersSent'>,
  options: RefreshCookieOptions,
): ResponseControl {
  const append = (cookie: string) => {
    if (res.headersSent) {
      // A streamed batch (httpBatchStreamLink) has sent its headers before procedures finish.
      throw new Error(
        'The refresh cookie cannot be set once the response has started; call auth procedures through httpBatchLink',
      );
    }
    res.appendHeader('set-cookie', cookie);
  };
  return {
    setRefreshCookie(token, expiresAt) {
      append(
        refreshCookieHeader(
          token,
          (expiresAt.getTime() - options.now().getTime()) / 1000,
          options.secure,
        ),
      );
    },
    clearRefreshCookie() {
      append(refreshCookieHeader('', 0, options.secure));
    },
  };
}

/** The value of one cookie from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || pair.slice(0, eq).trim() !== name) continue;
    const value = pair.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value) || null;
    } catch {
      return null;
    }
  }
  return null;
}
