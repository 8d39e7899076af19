// The session cache across instances (issue 14): two servers, each with its own pool, bus
// listener and session cache, on one PostgreSQL database. A session ended on one is refused there
// at once and on the other within 1 s (the NOTIFY takes milliseconds; were it lost, the TTL and
// the bus heartbeat, which stops with the listener, would still end it within 1 s:
// session-cache.test.ts and sync-bus.test.ts). PostgreSQL only: PGlite is one process, whose
// in-process bus the router tests cover (packages/api session-revocation).
import { testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthBody, PASSWORD, bearer, register, trpc } from './helpers/auth-http';
import {
  type OtherInstance,
  type TestServer,
  startOtherInstance,
  startTestServer,
} from './helpers/test-server';

const BOUND_MS = 1000;

describe.runIf(testEngines.includes('postgres'))('session cache on two instances', () => {
  let first: TestServer;
  let other: OtherInstance | undefined;
  let otherUrl = '';
  beforeAll(async () => {
    first = await startTestServer({ engine: 'postgres' });
    other = await startOtherInstance(first);
    otherUrl = other.url;
  });
  afterAll(async () => {
    await other?.close();
    await first?.close();
  });

  const me = (url: string, accessToken: string) =>
    trpc(url, 'auth.me', undefined, { headers: bearer(accessToken), query: true });

  /** Polls auth.me on `url` until it answers 401; the milliseconds since `since`. */
  async function refusedAfter(url: string, accessToken: string, since: number) {
    for (;;) {
      const reply = await me(url, accessToken);
      const elapsed = performance.now() - since;
      if (reply.status === 401) {
        expect(reply.error?.appCode).toBe('INVALID_TOKEN');
        return elapsed;
      }
      expect(reply.status).toBe(200);
      if (elapsed > 3 * BOUND_MS) return elapsed;
    }
  }

  async function signedInOnBoth() {
    const account = (await register(first.url, 'token')).data!;
    // Both instances have the session cached before it ends.
    for (const url of [first.url, otherUrl])
      expect((await me(url, account.accessToken)).status).toBe(200);
    return account;
  }

  it('logout on one instance: refused there at once, on the other within 1 s', async () => {
    const account = await signedInOnBoth();
    const logout = await trpc(first.url, 'auth.logout', { refreshToken: account.refreshToken });
    const since = performance.now();
    expect(logout.status).toBe(200);
    expect((await me(first.url, account.accessToken)).status).toBe(401);
    expect(await refusedAfter(otherUrl, account.accessToken, since)).toBeLessThan(BOUND_MS);
  });

  it('changePassword on one instance ends the other sessions on the other within 1 s', async () => {
    const account = await signedInOnBoth();
    const second = (
      await trpc<AuthBody>(otherUrl, 'auth.login', {
        email: account.user.email,
        password: PASSWORD,
        session: 'token',
      })
    ).data!;
    expect((await me(otherUrl, second.accessToken)).status).toBe(200);
    const change = await trpc(
      first.url,
      'auth.changePassword',
      { currentPassword: PASSWORD, newPassword: `${PASSWORD} again` },
      { headers: bearer(account.accessToken) },
    );
    const since = performance.now();
    expect(change.status).toBe(200);
    expect((await me(first.url, second.accessToken)).status).toBe(401);
    expect(await refusedAfter(otherUrl, second.accessToken, since)).toBeLessThan(BOUND_MS);
    // The session that changed the password lives on, on both.
    for (const url of [first.url, otherUrl])
      expect((await me(url, account.accessToken)).status).toBe(200);
  });
});
