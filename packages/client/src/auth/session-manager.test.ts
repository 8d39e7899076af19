import { afterEach, describe, expect, it } from 'vitest';
import { createWebRefreshLock, noopRefreshLock, type RefreshLock } from './refresh-lock';
import { createSessionManager, type SessionManager } from './session-manager';
import { createMemorySessionStore } from './session-store';
import { appError, broadcastBus, fakeCookieServer, fakeLockManager } from './test-fakes';

const expired = { accessToken: 'old', accessTokenExpiresAt: new Date(Date.now() - 1000) };
const opened: { manager: SessionManager; lock: RefreshLock }[] = [];

function tab(
  refresh: () => Promise<Awaited<ReturnType<ReturnType<typeof fakeCookieServer>['refresh']>>>,
  lock: RefreshLock = noopRefreshLock,
) {
  const manager = createSessionManager({ store: createMemorySessionStore(), lock, refresh });
  opened.push({ manager, lock });
  return manager;
}

afterEach(() => {
  for (const { manager, lock } of opened.splice(0)) {
    manager.dispose();
    lock.close();
  }
});

describe('session manager', () => {
  it('refreshes once for any number of callers of one tab waking with an expired token', async () => {
    const server = fakeCookieServer();
    const manager = tab(() => server.refresh());
    await manager.signedIn(expired);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => manager.accessToken()));
    expect(server.refreshes).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['a1']));
  });

  it('hands out the saved token without a refresh while it is fresh', async () => {
    const server = fakeCookieServer();
    const manager = tab(() => server.refresh());
    await manager.signedIn({
      accessToken: 'fresh',
      accessTokenExpiresAt: new Date(Date.now() + 600_000),
    });
    expect(await manager.accessToken()).toBe('fresh');
    expect(server.refreshes).toBe(0);
  });

  it('refreshes proactively when the token expires within the lead time', async () => {
    const server = fakeCookieServer();
    let clock = Date.now();
    const manager = createSessionManager({
      store: createMemorySessionStore(),
      lock: noopRefreshLock,
      refresh: () => server.refresh(),
      now: () => clock,
    });
    await manager.signedIn({
      accessToken: 'soon',
      accessTokenExpiresAt: new Date(clock + 900_000),
    });
    clock += 880_000;
    expect(await manager.accessToken()).toBe('a1');
  });

  it('scales the lead down for short-lived tokens instead of refreshing on every call', async () => {
    const server = fakeCookieServer();
    const manager = tab(() => server.refresh());
    await manager.signedIn({
      accessToken: 'short',
      accessTokenExpiresAt: new Date(Date.now() + 8_000),
    });
    expect(await manager.accessToken()).toBe('short');
    expect(server.refreshes).toBe(0);
  });

  it('ends the session with reason "ended" when the refresh token was reused', async () => {
    const manager = tab(() => Promise.reject(appError('REFRESH_TOKEN_REUSED')));
    await manager.signedIn(expired);
    expect(await manager.accessToken()).toBeNull();
    expect(manager.getState()).toEqual({ status: 'signed-out', reason: 'ended' });
  });

  it('restores to signed-out without "ended" when there never was a session', async () => {
    const manager = tab(() => Promise.reject(appError('MISSING_REFRESH_TOKEN')));
    await manager.restore();
    expect(manager.getState()).toEqual({ status: 'signed-out', reason: 'none' });
  });

  it('says nothing ended when a request is refused before anything was saved', async () => {
    // A deep link's screen asks before restore() settles: nothing saved, so no session ended.
    const manager = tab(() => Promise.reject(appError('MISSING_REFRESH_TOKEN')));
    expect(await manager.refreshAfterRejection(null)).toBeNull();
    expect(manager.getState()).toEqual({ status: 'signed-out', reason: 'none' });
    await manager.restore();
    expect(await manager.refreshAfterRejection(null)).toBeNull();
    expect(manager.getState()).toEqual({ status: 'signed-out', reason: 'none' });
  });

  it('keeps "ended" when a later request is refused after the session ended', async () => {
    const manager = tab(() => Promise.reject(appError('REFRESH_TOKEN_REUSED')));
    await manager.signedIn(expired);
    expect(await manager.accessToken()).toBeNull();
    expect(await manager.refreshAfterRejection(null)).toBeNull();
    expect(manager.getState()).toEqual({ status: 'signed-out', reason: 'ended' });
  });

  it('restores a session from the cookie on a reload', async () => {
    const server = fakeCookieServer();
    const manager = tab(() => server.refresh());
    await manager.restore();
    expect(manager.getState()).toEqual({ status: 'signed-in' });
    expect(await manager.accessToken()).toBe('a1');
  });

  it('keeps the session when the refresh fails on the network, and says so to the caller', async () => {
    const manager = tab(() => Promise.reject(new TypeError('fetch failed')));
    await manager.signedIn(expired);
    await expect(manager.accessToken()).rejects.toThrow('fetch failed');
    expect(manager.getState()).toEqual({ status: 'signed-in' });
  });

  it('opens signed in offline on a phone with a saved refresh token, and refreshes once online', async () => {
    const server = fakeCookieServer();
    let online = false;
    const store = createMemorySessionStore();
    await store.save({ ...expired, refreshToken: 'saved' });
    const manager = createSessionManager({
      store,
      lock: noopRefreshLock,
      keepSavedSessionOffline: true,
      refresh: () => (online ? server.refresh() : Promise.reject(new TypeError('fetch failed'))),
    });
    opened.push({ manager, lock: noopRefreshLock });
    await manager.restore();
    expect(manager.getState()).toEqual({ status: 'signed-in' });
    online = true;
    expect(await manager.accessToken()).toBe('a1');
    expect(server.refreshes).toBe(1);
  });

  it('shows sign-in for an unreachable server at start without that option (the web)', async () => {
    const store = createMemorySessionStore();
    await store.save({ ...expired, refreshToken: 'saved' });
    const manager = createSessionManager({
      store,
      lock: noopRefreshLock,
      refresh: () => Promise.reject(new TypeError('fetch failed')),
    });
    opened.push({ manager, lock: noopRefreshLock });
    await manager.restore();
    expect(manager.getState()).toEqual({ status: 'signed-out', reason: 'none' });
  });
});

describe('cross-tab refresh lock', () => {
  it('lets ten tabs of one browser wake at once without tripping reuse detection', async () => {
    const server = fakeCookieServer();
    const locks = fakeLockManager();
    const tabs = Array.from({ length: 10 }, () =>
      tab(
        () => server.refresh(),
        createWebRefreshLock({ locks, channel: broadcastBus('test-auth-ten') }),
      ),
    );
    await Promise.all(tabs.map((t) => t.signedIn(expired)));
    const tokens = await Promise.all(tabs.map((t) => t.accessToken()));
    expect(server.reused).toBe(0);
    expect(tokens.every((token) => token !== null)).toBe(true);
    expect(tabs.every((t) => t.getState().status === 'signed-in')).toBe(true);
  });

  it('without the lock the same ten tabs do trip it (what the lock prevents)', async () => {
    const server = fakeCookieServer();
    const tabs = Array.from({ length: 10 }, () => tab(() => server.refresh()));
    await Promise.all(tabs.map((t) => t.signedIn(expired)));
    const results = await Promise.all(tabs.map((t) => t.accessToken().catch(() => null)));
    // All present the cookie they woke with; all but the first find it already rotated.
    expect(server.reused).toBe(9);
    expect(results.filter((r) => r === null)).toHaveLength(9);
  });

  it('tells the other tabs a new token, so they skip their own refresh', async () => {
    const server = fakeCookieServer();
    const locks = fakeLockManager();
    const a = tab(
      () => server.refresh(),
      createWebRefreshLock({ locks, channel: broadcastBus('test-auth-tell') }),
    );
    const b = tab(
      () => server.refresh(),
      createWebRefreshLock({ locks, channel: broadcastBus('test-auth-tell') }),
    );
    await a.signedIn(expired);
    await b.signedIn(expired);
    expect(await a.accessToken()).toBe('a1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await b.accessToken()).toBe('a1');
    expect(server.refreshes).toBe(1);
  });

  it('signs every tab out when one signs out', async () => {
    const locks = fakeLockManager();
    const server = fakeCookieServer();
    const a = tab(
      () => server.refresh(),
      createWebRefreshLock({ locks, channel: broadcastBus('test-auth-out') }),
    );
    const b = tab(
      () => server.refresh(),
      createWebRefreshLock({ locks, channel: broadcastBus('test-auth-out') }),
    );
    await b.signedIn({ accessToken: 'x', accessTokenExpiresAt: new Date(Date.now() + 600_000) });
    await a.signOut('signed-out');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(b.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(await b.accessToken()).toBeNull();
  });
});
