import { describe, expect, it } from 'vitest';
import {
  changePasswordInput,
  loginInput,
  logoutInput,
  refreshInput,
  registerInput,
  revokeSessionInput,
} from './auth';
import { appCodeForIssue } from './field-codes';

const codeOf = (result: {
  success: boolean;
  error?: { issues: { code: string; path: PropertyKey[] }[] };
}) => (result.error?.issues[0] ? appCodeForIssue(result.error.issues[0]) : 'OK');

describe('auth inputs', () => {
  it('normalises email, trims the name, keeps the password untouched, defaults to cookie sessions', () => {
    expect(
      registerInput.parse({ email: '  Ann@Example.COM ', password: ' pass word ', name: '  Ann ' }),
    ).toEqual({
      email: 'ann@example.com',
      password: ' pass word ',
      name: 'Ann',
      session: 'cookie',
    });
    expect(
      loginInput.parse({ email: 'a@b.co', password: '12345678', session: 'token' }).session,
    ).toBe('token');
  });

  it.each([
    [{ email: 'nope', password: '12345678' }, 'INVALID_EMAIL'],
    [{ email: `${'a'.repeat(245)}@example.com`, password: '12345678' }, 'INVALID_EMAIL'],
    [{ email: 'a@b.co', password: '1234567' }, 'PASSWORD_TOO_SHORT'],
    [{ email: 'a@b.co', password: 'x'.repeat(257) }, 'PASSWORD_TOO_LONG'],
    [{ email: 'a@b.co', password: 'x'.repeat(256), name: 'n'.repeat(101) }, 'VALIDATION_ERROR'],
    [{ email: 'a@b.co', password: '12345678', session: 'jar' }, 'VALIDATION_ERROR'],
  ])('rejects register input %# with its code', (input, code) => {
    expect(codeOf(registerInput.safeParse(input))).toBe(code);
  });

  it('makes refresh and logout input optional, with allDevices off by default', () => {
    expect(refreshInput.parse(undefined)).toBeUndefined();
    expect(refreshInput.parse({ refreshToken: 'abc' })).toEqual({ refreshToken: 'abc' });
    expect(logoutInput.parse({})).toEqual({ allDevices: false });
    expect(codeOf(refreshInput.safeParse({ refreshToken: 'x'.repeat(513) }))).toBe(
      'VALIDATION_ERROR',
    );
  });

  it('checks the new password by the rules and the current one only for presence', () => {
    expect(
      codeOf(changePasswordInput.safeParse({ currentPassword: 'old', newPassword: 'short' })),
    ).toBe('PASSWORD_TOO_SHORT');
    expect(
      codeOf(changePasswordInput.safeParse({ currentPassword: '', newPassword: '12345678' })),
    ).toBe('VALIDATION_ERROR');
    expect(
      changePasswordInput.safeParse({ currentPassword: 'old', newPassword: '12345678' }).success,
    ).toBe(true);
    expect(codeOf(revokeSessionInput.safeParse({ sessionId: 'not-a-uuid' }))).toBe(
      'VALIDATION_ERROR',
    );
  });
});
