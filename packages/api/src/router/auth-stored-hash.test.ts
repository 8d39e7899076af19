// A stored hash the verifier cannot read (another scheme, a truncated or hand-edited value) is a
// failed login for the client, never a 500: the password cannot be proven to match it.
import { testEngines } from '@repo/db/testing';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../testing/error-shape';
import { useAuthHarness } from '../testing/fixtures';

const password = 'correct horse battery';
const unreadableHashes = {
  bcrypt: '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy',
  garbage: 'not a hash at all',
  empty: '',
  'argon2 with its salt cut off': '$argon2id$v=19$m=19456,t=2,p=1$',
};

describe.each(testEngines)('auth.login against an unreadable stored hash on %s', (engine) => {
  const h = useAuthHarness(engine);

  it.each(Object.entries(unreadableHashes))(
    'answers INVALID_CREDENTIALS for a %s hash',
    async (kind, passwordHash) => {
      const email = `${kind.replace(/\W/g, '-')}@example.com`;
      await h.db.prisma.user.create({ data: { email, passwordHash } });
      expect(await errorOf(h.call().auth.login({ email, password }))).toEqual({
        status: 401,
        appCode: 'INVALID_CREDENTIALS',
        field: undefined,
        retryAfter: undefined,
        message: 'Invalid email or password',
      });
      const row = await h.db.prisma.user.findUniqueOrThrow({ where: { email } });
      expect(row.passwordHash).toBe(passwordHash);
      expect(await h.db.prisma.session.count({ where: { userId: row.id } })).toBe(0);
    },
  );
});
