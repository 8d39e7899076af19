import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('logger', () => {
  it('redacts credentials wherever a careless call puts them', () => {
    const lines: string[] = [];
    const logger = createLogger(
      { logLevel: 'info' },
      { write: (line: string) => void lines.push(line) },
    );
    logger.info(
      {
        password: 'pw-top',
        token: 'tok-top',
        body: {
          password: 'pw-nested',
          refreshToken: 'rt-nested',
          accessToken: 'at-nested',
          newPassword: 'np',
        },
        req: {
          headers: {
            authorization: 'Bearer secret-jwt',
            cookie: 'rt=cookie-value',
            'user-agent': 'kept',
          },
        },
        res: { headers: { 'set-cookie': 'rt=set-cookie-value' } },
        user: { passwordHash: '$argon2id$hash', tokenHash: 'sha-hash' },
        deep: {
          a: { b: { c: { password: 'pw-deep', headers: { authorization: 'Bearer deep-jwt' } } } },
        },
      },
      'careless',
    );
    const line = lines.join('');
    for (const secret of [
      'pw-top',
      'tok-top',
      'pw-nested',
      'rt-nested',
      'at-nested',
      '"np"',
      'secret-jwt',
      'cookie-value',
      'set-cookie-value',
      'argon2id',
      'sha-hash',
      'pw-deep',
      'deep-jwt',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('kept');
    expect(JSON.parse(line)).toMatchObject({ msg: 'careless', password: '[redacted]' });
  });
});
