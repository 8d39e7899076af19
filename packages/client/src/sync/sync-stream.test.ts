import type { SyncEvent } from '@repo/validators';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncStream, type NetworkStatus, type SyncConnectHandlers } from './sync-stream';

const resync: SyncEvent = { op: 'resync' };

/** Records each connection the controller opens, so a test plays the server's part. */
function fakeTransport() {
  const connections: {
    lastEventId: string | null;
    handlers: SyncConnectHandlers;
    closed: boolean;
  }[] = [];
  return {
    connections,
    connect: (lastEventId: string | null, handlers: SyncConnectHandlers) => {
      const connection = { lastEventId, handlers, closed: false };
      connections.push(connection);
      return { close: () => (connection.closed = true) };
    },
    last: () => connections[connections.length - 1]!,
  };
}

function fakeNetwork(): NetworkStatus & { set(online: boolean): void } {
  let online = true;
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => online,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(value) {
      online = value;
      for (const listener of listeners) listener(value);
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('sync stream', () => {
  it('goes live when the server accepts, and passes events on', () => {
    const transport = fakeTransport();
    const seen: (string | undefined)[] = [];
    const stream = createSyncStream({ connect: transport.connect, onEvent: (id) => seen.push(id) });
    stream.start();
    expect(stream.getStatus()).toBe('connecting');
    transport.last().handlers.onOpen();
    expect(stream.getStatus()).toBe('live');
    transport.last().handlers.onEvent('7', resync);
    expect(seen).toEqual(['7']);
    expect(stream.getLastEventId()).toBe('7');
  });

  it('reconnects after an error from the last event id, backing off', () => {
    const transport = fakeTransport();
    const stream = createSyncStream({ connect: transport.connect, onEvent: () => undefined });
    stream.start();
    transport.last().handlers.onOpen();
    transport.last().handlers.onEvent('41', resync);
    transport.last().handlers.onError(new Error('gone'));
    expect(stream.getStatus()).toBe('reconnecting');
    expect(transport.connections).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(transport.connections).toHaveLength(2);
    expect(transport.last().lastEventId).toBe('41');
    transport.last().handlers.onError(new Error('still gone'));
    vi.advanceTimersByTime(1_999);
    expect(transport.connections).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(transport.connections).toHaveLength(3);
    transport.last().handlers.onOpen();
    expect(stream.getStatus()).toBe('live');
  });

  it('says reconnecting while the transport retries by itself', () => {
    const transport = fakeTransport();
    const stream = createSyncStream({ connect: transport.connect, onEvent: () => undefined });
    stream.start();
    transport.last().handlers.onOpen();
    transport.last().handlers.onInterrupted();
    expect(stream.getStatus()).toBe('reconnecting');
    transport.last().handlers.onOpen();
    expect(stream.getStatus()).toBe('live');
  });

  it('waits offline without retrying and reconnects at once when back online', () => {
    const transport = fakeTransport();
    const network = fakeNetwork();
    const stream = createSyncStream({
      connect: transport.connect,
      onEvent: () => undefined,
      network,
    });
    stream.start();
    transport.last().handlers.onOpen();
    network.set(false);
    expect(stream.getStatus()).toBe('offline');
    expect(transport.last().closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(transport.connections).toHaveLength(1);
    network.set(true);
    expect(transport.connections).toHaveLength(2);
    expect(stream.getStatus()).toBe('reconnecting');
  });

  it('stops on a fatal error and ignores a closed connection', () => {
    const transport = fakeTransport();
    const seen: unknown[] = [];
    const stream = createSyncStream({
      connect: transport.connect,
      onEvent: (id) => seen.push(id),
      isFatal: () => true,
    });
    stream.start();
    const first = transport.last();
    first.handlers.onError(new Error('session ended'));
    expect(stream.getStatus()).toBe('stopped');
    first.handlers.onEvent('1', resync);
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([]);
    expect(transport.connections).toHaveLength(1);
  });
});
