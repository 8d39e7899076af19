// Every revocation wakes its streams through the bus IN its transaction. The bus here delivers
// nothing but what was queued in a transaction (and writes' own wake-ups), as a process killed
// right after its commit would: a revocation announced after the commit would leave its streams
// open; announced inside, they end. A revocation that rolls back announces nothing.
import { REUSE_GRACE_MS } from '@repo/auth';
import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, createAuthHarness } from '../testing/auth-harness';
import { errorOf } from '../testing/error-shape';
import { openSync } from '../testing/sync-reader';
import { type BusMessage, type SyncBus, createLocalBus } from './bus';

/** A local bus that records what it delivered from transactions. */
function inTransactionOnlyBus(): SyncBus & { delivered: BusMessage[] } {
  const local = createLocalBus();
  const delivered: BusMessage[] = [];
  return {
    ...local,
    delivered,
    async publishInTransaction(tx, message) {
      const afterCommit = await local.publishInTransaction(tx, message);
      return () => {
        delivered.push(message);
        afterCommit?.();
      };
    },
  };
}

const password = 'correct horse battery';

describe.each(testEngines)('revocations announced in their transaction, on %s', (engine) => {
  let db: TestDatabase;
  let h: AuthHarness;
  let bus: ReturnType<typeof inTransactionOnlyBus>;
  let n = 0;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    h = createAuthHarness(db);
    bus = inTransactionOnlyBus();
    h.services.syncBus = bus;
  });
  afterAll(() => db?.close());

  /** A user signed in on two devices, with a stream open on the first. */
  const twoDevices = async () => {
    const first = await h.signUp(`revoke${++n}@example.com`);
    const second = await h
      .call()
      .auth.login({ email: first.user.email, password, session: 'token' });
    const stream = await openSync(h.as(first.accessToken), '0');
    // A stream runs from its first read: one event makes sure it is live and listening.
    await h.as(first.accessToken).tag.create({ name: 'live' });
    expect((await stream.take(1)).map((s) => s.id)).toEqual(['1']);
    return { first, second, stream };
  };

  const revocations: [string, (d: Awaited<ReturnType<typeof twoDevices>>) => Promise<unknown>][] = [
    ['logout', ({ first }) => h.as(first.accessToken).auth.logout()],
    [
      'logout on every device',
      ({ second }) =>
        h.call().auth.logout({ refreshToken: second.refreshToken!, allDevices: true }),
    ],
    [
      'revokeSession from the other device',
      async ({ second }) => {
        const sessions = await h.as(second.accessToken).auth.sessions();
        const [target] = sessions.filter((s) => !s.current);
        return h.as(second.accessToken).auth.revokeSession({ sessionId: target!.id });
      },
    ],
    [
      'changePassword on the other device',
      ({ second }) =>
        h
          .as(second.accessToken)
          .auth.changePassword({ currentPassword: password, newPassword: 'another long one' }),
    ],
    [
      'refresh token reuse',
      async ({ first }) => {
        await h.call().auth.refresh({ refreshToken: first.refreshToken! });
        h.clock.advance(REUSE_GRACE_MS + 1);
        const reused = await errorOf(h.call().auth.refresh({ refreshToken: first.refreshToken! }));
        expect(reused.appCode).toBe('REFRESH_TOKEN_REUSED');
      },
    ],
  ];

  it.each(revocations)('%s ends the revoked session’s stream', async (_, revoke) => {
    const devices = await twoDevices();
    bus.delivered.length = 0;
    await revoke(devices);
    expect(await devices.stream.ended(3000)).toMatchObject({ appCode: 'INVALID_TOKEN' });
    expect(bus.delivered).toEqual([{ type: 'sessions', userId: devices.first.user.id }]);
  });

  it('a revocation that fails (an unknown session) announces nothing', async () => {
    const { second, stream } = await twoDevices();
    bus.delivered.length = 0;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await errorOf(
      h.as(second.accessToken).auth.revokeSession({ sessionId: unknown }),
    );
    expect(refused.appCode).toBe('NOT_FOUND');
    expect(bus.delivered).toEqual([]);
    await stream.close();
  });
});
