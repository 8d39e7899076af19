// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { noopRefreshLock } from '../auth/refresh-lock';
import { createSessionManager } from '../auth/session-manager';
import { createMemorySessionStore } from '../auth/session-store';
import { createSyncStream, type SyncConnectHandlers } from '../sync/sync-stream';
import { useSessionState, useSyncStatus } from './hooks';

describe('React hooks', () => {
  it('re-render on session changes', async () => {
    const session = createSessionManager({
      store: createMemorySessionStore(),
      lock: noopRefreshLock,
      refresh: () => Promise.reject(new Error('unused')),
    });
    const { result } = renderHook(() => useSessionState(session));
    expect(result.current).toEqual({ status: 'restoring' });
    await act(() =>
      session.signedIn({ accessToken: 'a', accessTokenExpiresAt: new Date(Date.now() + 600_000) }),
    );
    expect(result.current).toEqual({ status: 'signed-in' });
    await act(() => session.signOut('ended'));
    expect(result.current).toEqual({ status: 'signed-out', reason: 'ended' });
  });

  it('re-render on sync status changes', () => {
    let handlers: SyncConnectHandlers | undefined;
    const stream = createSyncStream({
      connect: (_, h) => {
        handlers = h;
        return { close: () => undefined };
      },
      onEvent: () => undefined,
    });
    const { result } = renderHook(() => useSyncStatus(stream));
    expect(result.current).toBe('stopped');
    act(() => stream.start());
    act(() => handlers!.onOpen());
    expect(result.current).toBe('live');
  });
});
