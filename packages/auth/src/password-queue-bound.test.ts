// The bound on the password pool's queue, in a file of its own: the pool and its counters are
// per process (per module instance), and this test needs a single thread and a small bound.
import { describe, expect, it } from 'vitest';
import { AuthError } from './errors';
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  passwordHashStats,
  setPasswordHashQueueMax,
  setPasswordHashThreads,
  verifyPassword,
} from './password';

describe('password hashing queue bound', () => {
  it('refuses hashes past PASSWORD_HASH_QUEUE_MAX at once, with a wait, and hashes none of them', async () => {
    setPasswordHashThreads(1);
    setPasswordHashQueueMax(3);
    const before = passwordHashStats();
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 6 }, (_, i) => verifyPassword(DUMMY_PASSWORD_HASH, `attempt ${i}`)),
      hashPassword('a new password'),
      verifyPassword(null, 'unknown email'),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual([
      ...['fulfilled', 'fulfilled', 'fulfilled'],
      ...['rejected', 'rejected', 'rejected', 'rejected', 'rejected'],
    ]);
    for (const outcome of outcomes.slice(3)) {
      const reason = (outcome as PromiseRejectedResult).reason as AuthError;
      expect(reason).toBeInstanceOf(AuthError);
      expect(reason.appCode).toBe('RATE_LIMIT_EXCEEDED');
      expect(reason.retryAfter).toBeGreaterThanOrEqual(1);
    }
    const after = passwordHashStats();
    expect(after.completed - before.completed).toBe(3);
    expect(after.refused - before.refused).toBe(5);
    expect(after.inFlight).toBe(0);
  });

  it('takes work again once the queue has room', async () => {
    setPasswordHashQueueMax(1);
    await expect(verifyPassword(DUMMY_PASSWORD_HASH, 'first')).resolves.toBe(false);
    await expect(verifyPassword(DUMMY_PASSWORD_HASH, 'second')).resolves.toBe(false);
  });

  it('rejects a bound below 1', () => {
    expect(() => setPasswordHashQueueMax(0)).toThrow(RangeError);
  });
});
