import { readFileSync, readdirSync } from 'node:fs';
import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { AuthError } from './errors';
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  needsRehash,
  passwordParams,
  setPasswordHashThreads,
  verifyPassword,
} from './password';

describe('password hashing', () => {
  it('stores an argon2id PHC string with the explicit parameters', async () => {
    const phc = await hashPassword('correct horse battery');
    expect(phc).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    expect(passwordParams).toEqual({
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
      outputLen: 32,
    });
  });

  it('verifies the exact characters, untrimmed', async () => {
    const phc = await hashPassword(' secret password ');
    expect(await verifyPassword(phc, ' secret password ')).toBe(true);
    expect(await verifyPassword(phc, 'secret password')).toBe(false);
    expect(await verifyPassword(phc, ' Secret password ')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it.each([
    ['a'.repeat(7), 'PASSWORD_TOO_SHORT'],
    ['a'.repeat(257), 'PASSWORD_TOO_LONG'],
    ['a'.repeat(1_000_000), 'PASSWORD_TOO_LONG'],
  ])('rejects a %#-th out-of-range length before hashing', async (password, code) => {
    const error = await hashPassword(password).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).appCode).toBe(code);
  });

  it('accepts the boundary lengths 8 and 256', async () => {
    for (const password of ['a'.repeat(8), 'b'.repeat(256)]) {
      expect(await verifyPassword(await hashPassword(password), password)).toBe(true);
    }
  });

  it('answers false for a missing hash, after verifying against the dummy hash', async () => {
    expect(await verifyPassword(null, 'whatever password')).toBe(false);
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, 'whatever password')).toBe(false);
  });

  it('keeps the dummy hash in step with the current parameters', () => {
    expect(needsRehash(DUMMY_PASSWORD_HASH)).toBe(false);
  });

  it('asks for a rehash when a hash was made with weaker parameters or another scheme', async () => {
    const weak = await hashPassword('old password', {
      ...passwordParams,
      memoryCost: 4096,
      timeCost: 1,
    });
    expect(needsRehash(weak)).toBe(true);
    expect(await verifyPassword(weak, 'old password')).toBe(true);
    const argon2i = await hash('old password', { ...passwordParams, algorithm: 1 as never });
    expect(needsRehash(argon2i)).toBe(true);
    expect(needsRehash('$2b$12$abcdefghijklmnopqrstuuJ9Qn1y0ZJ1T5b9YwQq3nQe3xX7e7lqC')).toBe(true);
    expect(needsRehash(await hashPassword('new password'))).toBe(false);
  });
});

/** The nice value in a /proc stat file (Linux: field 19; fields after the name start at 3). */
function niceOf(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19 - 3]);
}

const threadNiceValues = () =>
  readdirSync('/proc/self/task').map((tid) => niceOf(`/proc/self/task/${tid}/stat`));

describe.skipIf(process.platform !== 'linux')('where hashing runs', () => {
  it('on a thread of its own whose nice value is 10 above the event loop', async () => {
    await Promise.all([hashPassword('first password'), verifyPassword(null, 'second password')]);
    const mainThreadNice = niceOf('/proc/self/stat');
    // Relative to whatever the runner's own nice value is; Linux caps nice values at 19.
    expect(threadNiceValues()).toContain(Math.min(mainThreadNice + 10, 19));
  });

  it('takes its thread count before the first hash, never after', async () => {
    expect(() => setPasswordHashThreads(0)).toThrow(RangeError);
    await hashPassword('any password at all');
    expect(() => setPasswordHashThreads(2)).toThrow(/already started/);
  });
});
