// The revoking instance never lets a revoked session through, not even once, with the session
// cache in front of the query: every way a session ends (logout, logout everywhere,
// revokeSession, changePassword, refresh-token reuse) is tried while callers hammer auth.me with
// the doomed token. A call that began before the revocation answered may pass (it raced the
// revocation); one that began after must be refused. Other instances: apps/server's
// session-cache-instances.test.ts.
import { REUSE_GRACE_MS } from '@repo/auth';
import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SyncBus, createLocalBus } from '../sync/bus';
import { type AuthHarness, createAuthHarness } from '../testing/auth-harness';
import { errorOf } from '../testing/error-shape';

const password = 'correct horse battery';
const CALLERS = 8;
/** Calls each caller makes after the revocation answered: each must be refused. */
const CALLS_AFTER = 20;

/**
 * A bus that delivers nothing, as if every NOTIFY were lost (PostgreSQL's come back through the
 * database, after the revoking request may have answered): only the revoking instance's own
 * eviction can then end the session at once.
 */
function lostMessagesBus(): SyncBus {
  return {
    ...createLocalBus(),
    announce: () => {},
    publishInTransaction: () => Promise.resolve(null),
  };
}

describe.each(testEngines)('session revocation on the revoking instance on %s', (engine) => {
  let db: TestDatabase;
  let h: AuthHarness;
  let n = 0;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    h = createAuthHarness(db, { syncBus: lostMessagesBus() });
  });
  afterAll(() => db?.close());

  const signUp = () => h.signUp(`revoke${++n}@example.com`);
  const loginAgain = (email: string) => h.call().auth.login({ email, password, session: 'token' });

  /**
   * Hammers auth.me with `accessToken` from CALLERS concurrent callers while `revoke` runs.
   * Returns how many calls that began after `revoke` resolved were accepted, and how many ran.
   */
  async function acceptedAfterRevocation(accessToken: string, revoke: () => Promise<unknown>) {
    // Cached first, so the test is about the cache and not a cold query.
    await h.as(accessToken).auth.me();
    let revoked = false;
    let accepted = 0;
    let refused = 0;
    const caller = async () => {
      let after = 0;
      while (after < CALLS_AFTER) {
        const beganAfter = revoked;
        const ok = await h
          .as(accessToken)
          .auth.me()
          .then(
            () => true,
            () => false,
          );
        // A cache hit never leaves the microtask queue: let the revocation's queries run.
        await yieldToIo();
        if (!beganAfter) continue;
        after++;
        if (ok) accepted++;
        else refused++;
      }
    };
    const callers = Array.from({ length: CALLERS }, caller);
    await revoke();
    revoked = true;
    await Promise.all(callers);
    return { accepted, refused };
  }

  it('logout (by access token) ends the session at once', async () => {
    const me = await signUp();
    expect(
      await acceptedAfterRevocation(me.accessToken, () => h.as(me.accessToken).auth.logout()),
    ).toEqual({ accepted: 0, refused: CALLERS * CALLS_AFTER });
  });

  it('logout everywhere (by refresh token) ends another session at once', async () => {
    const me = await signUp();
    const other = await loginAgain(me.user.email);
    expect(
      await acceptedAfterRevocation(other.accessToken, () =>
        h.call().auth.logout({ refreshToken: me.refreshToken, allDevices: true }),
      ),
    ).toEqual({ accepted: 0, refused: CALLERS * CALLS_AFTER });
  });

  it('revokeSession ends the named session at once', async () => {
    const me = await signUp();
    const other = await loginAgain(me.user.email);
    const sessions = await h.as(me.accessToken).auth.sessions();
    const otherId = sessions.find((s) => !s.current)!.id;
    expect(
      await acceptedAfterRevocation(other.accessToken, () =>
        h.as(me.accessToken).auth.revokeSession({ sessionId: otherId }),
      ),
    ).toEqual({ accepted: 0, refused: CALLERS * CALLS_AFTER });
  });

  it('changePassword ends every other session at once', async () => {
    const me = await signUp();
    const other = await loginAgain(me.user.email);
    expect(
      await acceptedAfterRevocation(other.accessToken, () =>
        h
          .as(me.accessToken)
          .auth.changePassword({ currentPassword: password, newPassword: `${password} 2` }),
      ),
    ).toEqual({ accepted: 0, refused: CALLERS * CALLS_AFTER });
    // The caller's own session survives it.
    expect((await h.as(me.accessToken).auth.me()).id).toBe(me.user.id);
  });

  it('a reused refresh token ends its session at once', async () => {
    const me = await signUp();
    const rotated = await h.call().auth.refresh({ refreshToken: me.refreshToken });
    h.clock.advance(REUSE_GRACE_MS + 1);
    expect(
      await acceptedAfterRevocation(rotated.accessToken, () =>
        errorOf(h.call().auth.refresh({ refreshToken: me.refreshToken })).then((error) =>
          expect(error.appCode).toBe('REFRESH_TOKEN_REUSED'),
        ),
      ),
    ).toEqual({ accepted: 0, refused: CALLERS * CALLS_AFTER });
  });
});
