import { type TRPCLink, createTRPCClient, TRPCClientError } from '@trpc/client';
import { initTRPC } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { describe, expect, it } from 'vitest';
import { authLink, authorizationHeader } from './auth-link';
import { noopRefreshLock } from './refresh-lock';
import { createSessionManager } from './session-manager';
import { createMemorySessionStore } from './session-store';
import { appError, fakeCookieServer } from './test-fakes';

const t = initTRPC.create();
const _router = t.router({
  ping: t.procedure.query(() => 'pong'),
  auth: t.router({ login: t.procedure.mutation(() => 'ok') }),
});
type Router = typeof _router;

/** A server that answers each call by `respond`, recording the Authorization header it got. */
function fakeServer(respond: (authorization: string | undefined, call: number) => 'ok' | Error) {
  const seen: (string | undefined)[] = [];
  const link: TRPCLink<Router> =
    () =>
    ({ op }) =>
      observable((observer) => {
        const authorization = authorizationHeader(op).authorization;
        seen.push(authorization);
        const answer = respond(authorization, seen.length);
        if (answer instanceof Error) observer.error(TRPCClientError.from(answer));
        else {
          observer.next({ result: { type: 'data', data: 'pong' } });
          observer.complete();
        }
        return () => undefined;
      });
  return { link, seen };
}

async function setup(respond: Parameters<typeof fakeServer>[0], expiresInMs = 600_000) {
  const cookies = fakeCookieServer();
  const session = createSessionManager({
    store: createMemorySessionStore(),
    lock: noopRefreshLock,
    refresh: () => cookies.refresh(),
  });
  await session.signedIn({
    accessToken: 'a0',
    accessTokenExpiresAt: new Date(Date.now() + expiresInMs),
  });
  const server = fakeServer(respond);
  const client = createTRPCClient<Router>({ links: [authLink(session), server.link] });
  return { client, server, cookies, session };
}

describe('auth link', () => {
  it('sends the access token as a bearer header', async () => {
    const { client, server } = await setup(() => 'ok');
    await expect(client.ping.query()).resolves.toBe('pong');
    expect(server.seen).toEqual(['Bearer a0']);
  });

  it('refreshes once and retries once after TOKEN_EXPIRED', async () => {
    const { client, server, cookies } = await setup((auth) =>
      auth === 'Bearer a0' ? appError('TOKEN_EXPIRED') : 'ok',
    );
    await expect(client.ping.query()).resolves.toBe('pong');
    expect(server.seen).toEqual(['Bearer a0', 'Bearer a1']);
    expect(cookies.refreshes).toBe(1);
  });

  it('gives up after one retry when the new token is refused too: no loop', async () => {
    const { client, server, cookies } = await setup(() => appError('TOKEN_EXPIRED'));
    const error = await client.ping.query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<Router>).data).toMatchObject({ appCode: 'TOKEN_EXPIRED' });
    expect(server.seen).toEqual(['Bearer a0', 'Bearer a1']);
    expect(cookies.refreshes).toBe(1);
  });

  it('shares one refresh between concurrent calls that were all refused', async () => {
    const { client, server, cookies } = await setup((auth) =>
      auth === 'Bearer a0' ? appError('TOKEN_EXPIRED') : 'ok',
    );
    await Promise.all([client.ping.query(), client.ping.query(), client.ping.query()]);
    expect(cookies.refreshes).toBe(1);
    expect(server.seen.filter((h) => h === 'Bearer a1')).toHaveLength(3);
  });

  it('does not retry on other errors', async () => {
    const { client, server, cookies } = await setup(() => appError('NOT_FOUND', 404));
    await expect(client.ping.query()).rejects.toThrow('NOT_FOUND');
    expect(server.seen).toHaveLength(1);
    expect(cookies.refreshes).toBe(0);
  });

  it('refreshes before sending when the token is about to expire', async () => {
    // Already expired, as a tab waking from sleep finds it.
    const { client, server } = await setup(() => 'ok', -1_000);
    await client.ping.query();
    expect(server.seen).toEqual(['Bearer a1']);
  });

  it('sends sign-in without a token', async () => {
    const { client, server } = await setup(() => 'ok');
    await client.auth.login.mutate();
    expect(server.seen).toEqual([undefined]);
  });
});
