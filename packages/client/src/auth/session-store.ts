// Where a client keeps its session between requests. The web keeps the access token in memory
// only (the refresh token is the HttpOnly cookie the browser sends by itself); mobile keeps the
// refresh token in SecureStore. Both satisfy this one interface.

/** What a sign-in or a refresh leaves behind. */
export interface StoredSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
  /** Only for session 'token' (mobile): web never sees its refresh token. */
  refreshToken?: string | undefined;
}

export interface SessionStore {
  /** The session as last saved, or null when signed out (may read from disk on mobile). */
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

/** The web's store: nothing outside this tab's memory, as the refresh token lives in the cookie. */
export function createMemorySessionStore(): SessionStore {
  let current: StoredSession | null = null;
  return {
    load: () => Promise.resolve(current),
    save: (session) => {
      current = session;
      return Promise.resolve();
    },
    clear: () => {
      current = null;
      return Promise.resolve();
    },
  };
}
