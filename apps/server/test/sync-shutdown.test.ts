// Shutdown ends live-sync streams as it begins (an onShutdown hook) with a 503, which
// @trpc/client treats as retryable: the link goes back to `connecting` and its EventSource
// reconnects (through the balancer, to another instance) with its lastEventId. This happens
// before SHUTDOWN_DELAY_SECONDS has passed and the listener stops accepting.
import { describe, expect, it } from 'vitest';
import { register } from './helpers/auth-http';
import { trpcClient } from './helpers/sync-client';
import { startTestServer } from './helpers/test-server';

describe('live sync at shutdown', () => {
  it('tells open streams SERVICE_UNAVAILABLE as shutdown begins, not after its delay', async () => {
    // A long delay: a stream ended only when sockets are cut would hear nothing for 3 s.
    const server = await startTestServer({ config: { shutdownDelaySeconds: 3 } });
    const me = (await register(server.url, 'token')).data!;
    let told!: (appCode: unknown) => void;
    const reconnecting = new Promise<unknown>((resolve) => (told = resolve));
    let started!: () => void;
    const connected = new Promise<void>((resolve) => (started = resolve));
    const subscription = trpcClient(server.url, me.accessToken).sync.events.subscribe(
      { lastEventId: '0' },
      {
        onStarted: () => started(),
        onConnectionStateChange: (state) => {
          if (state.state === 'connecting' && state.error) told(state.error.data?.appCode);
        },
      },
    );
    await connected;
    // The stream has subscribed to the bus once it has read its resume point.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const began = Date.now();
    const closing = server.close();
    const appCode = await Promise.race([
      reconnecting,
      new Promise((resolve) => setTimeout(() => resolve('nothing within 2.5 s'), 2500)),
    ]);
    expect(appCode).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - began).toBeLessThan(2500);
    subscription.unsubscribe();
    await closing;
  });
});
