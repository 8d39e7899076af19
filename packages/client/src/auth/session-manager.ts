// The one owner of a client's session: hands out a fresh access token, refreshes it before it
// expires and once after the server rejects it, and says when the session is over. Refreshes are
// single-flight within a tab (one promise shared by every caller) and across tabs (RefreshLock),
// so any number of requests or tabs waking at once spend the refresh token exactly once.
import { isSessionEnded } from './app-error';
import type { RefreshLock, SessionMessage } from './refresh-lock';
import type { SessionStore, StoredSession } from './session-store';

/** What auth.login, auth.register and auth.refresh answer (the parts a client keeps). */
export interface AuthTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken?: string | undefined;
}

/**
 * 'restoring' until the first restore() settles. A signed-out state says why: 'ended' when the
 * server ended the session (revoked, reused, expired), so the app can say "Your session has ended".
 */
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-in' }
  | { status: 'signed-out'; reason: 'signed-out' | 'ended' | 'none' };

export interface SessionManagerOptions {
  store: SessionStore;
  lock: RefreshLock;
  /** Calls auth.refresh: with the stored refresh token on mobile, undefined on the web (cookie). */
  refresh: (refreshToken: string | undefined) => Promise<AuthTokens>;
  /**
   * A token this close to its expiry is refreshed before use (default 30 s; a third of the
   * token's lifetime when that is shorter, so an 8 s token is not refreshed on every request).
   */
  refreshAheadMs?: number;
  now?: () => number;
  /**
   * A phone opened offline: when restore() cannot reach the server but a refresh token is
   * saved, answer signed-in (the app shows its saved data; the first request once online
   * refreshes, and an ended session still ends then). Default off: without it, as on the web,
   * an unreachable server at start means sign-in.
   */
  keepSavedSessionOffline?: boolean;
}

export interface SessionManager {
  getState(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
  /** Loads the saved session and refreshes it when needed; call once at start. */
  restore(): Promise<void>;
  /** Keeps what sign-in or sign-up answered. */
  signedIn(tokens: AuthTokens): Promise<void>;
  /** A token good for at least refreshAheadMs, or null when signed out. */
  accessToken(): Promise<string | null>;
  /** After the server refused `rejected`: a new token (refreshing at most once), or null. */
  refreshAfterRejection(rejected: string | null): Promise<string | null>;
  /** Forgets the session here and in the other tabs ('ended' when the server ended it). */
  signOut(reason: 'signed-out' | 'ended'): Promise<void>;
  /** Stops listening to the other tabs. */
  dispose(): void;
}

export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { store, lock } = options;
  const refreshAheadMs = options.refreshAheadMs ?? 30_000;
  const now = options.now ?? Date.now;
  const listeners = new Set<(state: SessionState) => void>();
  let state: SessionState = { status: 'restoring' };
  let inFlight: Promise<string | null> | null = null;

  const setState = (next: SessionState) => {
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    state = next;
    for (const listener of listeners) listener(state);
  };

  /** Lifetime of the current token when this tab saw it issued, to scale the lead for short ones. */
  let issued: { token: string; lifetimeMs: number } | null = null;
  const leadFor = (session: StoredSession) =>
    issued?.token === session.accessToken
      ? Math.min(refreshAheadMs, issued.lifetimeMs / 3)
      : refreshAheadMs;
  const isFresh = (session: StoredSession) =>
    session.accessTokenExpiresAt.getTime() - now() > leadFor(session);

  async function keep(tokens: AuthTokens, previous: StoredSession | null): Promise<void> {
    issued = {
      token: tokens.accessToken,
      lifetimeMs: tokens.accessTokenExpiresAt.getTime() - now(),
    };
    await store.save({
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      refreshToken: tokens.refreshToken ?? previous?.refreshToken,
    });
    setState({ status: 'signed-in' });
  }

  async function end(reason: 'signed-out' | 'ended' | 'none', tell: boolean): Promise<void> {
    await store.clear();
    setState({ status: 'signed-out', reason });
    if (tell && reason !== 'none') lock.publish({ type: 'signed-out', reason });
  }

  /**
   * Refreshes unless someone already replaced `stale` with a fresh token: another caller in this
   * tab (the shared promise) or another tab (it held the lock first and told us the new token).
   */
  function refresh(stale: string | null): Promise<string | null> {
    inFlight ??= lock
      .exclusive(async () => {
        const current = await store.load();
        if (current && current.accessToken !== stale && isFresh(current))
          return current.accessToken;
        let tokens: AuthTokens;
        try {
          tokens = await options.refresh(current?.refreshToken);
        } catch (error) {
          if (!isSessionEnded(error)) throw error;
          if (current) await end('ended', true);
          // Nothing was saved, so no session ended: a first visit, or a request (a deep link's
          // screen mounted while restoring) refused before or after restore settled. A
          // signed-out state keeps its reason, so a revoked session still says "ended".
          else if (state.status !== 'signed-out') await end('none', false);
          return null;
        }
        await keep(tokens, current);
        lock.publish({
          type: 'refreshed',
          accessToken: tokens.accessToken,
          accessTokenExpiresAt: tokens.accessTokenExpiresAt.getTime(),
        });
        return tokens.accessToken;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  const unsubscribe = lock.subscribe((message: SessionMessage) => {
    if (message.type === 'signed-out') {
      void end(message.reason, false);
      return;
    }
    void store.load().then((previous) =>
      keep(
        {
          accessToken: message.accessToken,
          accessTokenExpiresAt: new Date(message.accessTokenExpiresAt),
        },
        previous,
      ),
    );
  });

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async restore() {
      const saved = await store.load();
      if (saved && isFresh(saved)) return setState({ status: 'signed-in' });
      try {
        // No session anywhere is not an "ended" session: the sign-in page says nothing.
        await refresh(saved?.accessToken ?? null);
      } catch {
        // Offline or server down: without a token the app can only show sign-in.
        if (state.status !== 'restoring') return;
        const keep = options.keepSavedSessionOffline === true && Boolean(saved?.refreshToken);
        setState(keep ? { status: 'signed-in' } : { status: 'signed-out', reason: 'none' });
      }
    },
    signedIn: (tokens) => keep(tokens, null),
    async accessToken() {
      const current = await store.load();
      if (!current) return null;
      if (isFresh(current)) return current.accessToken;
      return refresh(current.accessToken);
    },
    refreshAfterRejection: (rejected) => refresh(rejected),
    signOut: (reason) => end(reason, true),
    dispose: () => {
      unsubscribe();
      listeners.clear();
    },
  };
}
