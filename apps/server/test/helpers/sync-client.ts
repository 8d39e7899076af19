// A real live-sync client for tests: @trpc/client's httpSubscriptionLink over Node's EventSource
// (npm eventsource@4), the token in connectionParams as browsers send it. Collects what arrives.
import type { AppRouter } from '@repo/api';
import type { SyncEvent } from '@repo/validators';
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';

export interface SyncClient {
  events: { id: string; event: SyncEvent }[];
  errors: unknown[];
  /** True once the server ended the stream normally (e.g. closed as a user's oldest). */
  readonly completed: boolean;
  /** Resolves once `count` events have arrived (rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<void>;
  /** Resolves with the error that ended the stream. */
  waitForError(ms?: number): Promise<unknown>;
  close(): void;
}

export function trpcClient(url: string, accessToken: string) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          transformer: superjson,
          EventSource,
          connectionParams: () => ({ accessToken }),
        }),
        false: httpLink({
          url: `${url}/trpc`,
          transformer: superjson,
          headers: { authorization: `Bearer ${accessToken}` },
        }),
      }),
    ],
  });
}

const until = (check: () => boolean, ms: number, what: string) =>
  new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });

export function openSyncClient(url: string, accessToken: string, lastEventId?: string) {
  const client = trpcClient(url, accessToken);
  const events: SyncClient['events'] = [];
  const errors: unknown[] = [];
  let completed = false;
  let started!: () => void;
  const connected = new Promise<void>((resolve) => (started = resolve));
  const subscription = client.sync.events.subscribe(
    { lastEventId },
    {
      onStarted: () => started(),
      onData: (tracked) => events.push({ id: tracked.id, event: tracked.data }),
      onError: (error) => errors.push(error),
      onComplete: () => (completed = true),
    },
  );
  const sync: SyncClient = {
    events,
    errors,
    get completed() {
      return completed;
    },
    waitFor: (count, ms = 8000) => until(() => events.length >= count, ms, `${count} events`),
    waitForError: async (ms = 8000) => {
      await until(() => errors.length > 0, ms, 'the stream to end');
      return errors[0];
    },
    close: () => subscription.unsubscribe(),
  };
  return { sync, connected, client };
}
