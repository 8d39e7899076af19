// The password pool's queue, in a file of its own: the pool is per process (per module
// instance), and this test needs it to start with a single thread.
import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, setPasswordHashThreads, verifyPassword } from './password';

describe('password hashing queue', () => {
  it('hashes in the order the requests arrived when they have to wait', async () => {
    setPasswordHashThreads(1);
    const finished: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        verifyPassword(DUMMY_PASSWORD_HASH, `attempt ${i}`).then(() => finished.push(i)),
      ),
    );
    expect(finished).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
