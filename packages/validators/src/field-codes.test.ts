import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { email, password } from './common';
import { appCodeForIssue } from './field-codes';

const login = z.object({ email, password });
const firstCode = (input: unknown) => {
  const result = login.safeParse(input);
  if (result.success) return 'ok';
  return appCodeForIssue(result.error.issues[0]!);
};

describe('appCodeForIssue', () => {
  it('names the docs/contract.md code for each bad credential field', () => {
    expect(firstCode({ email: 'not-an-email', password: 'long enough' })).toBe('INVALID_EMAIL');
    expect(firstCode({ email: 'a@example.com', password: 'short' })).toBe('PASSWORD_TOO_SHORT');
    expect(firstCode({ email: 'a@example.com', password: 'x'.repeat(257) })).toBe(
      'PASSWORD_TOO_LONG',
    );
    expect(firstCode({ email: 'a@example.com', password: 'x'.repeat(256) })).toBe('ok');
  });

  it('falls back to VALIDATION_ERROR for other fields', () => {
    expect(appCodeForIssue({ code: 'too_big', path: ['title'] })).toBe('VALIDATION_ERROR');
    expect(appCodeForIssue({ code: 'custom', path: ['cursor'] })).toBe('INVALID_CURSOR');
  });
});

describe('email', () => {
  it('is stored trimmed and lower-cased, and limited to 254 characters', () => {
    expect(email.parse('  Ada@Example.COM ')).toBe('ada@example.com');
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(`${local}@${domain}`.length).toBe(254);
    expect(email.safeParse(`${local}@${domain}`).success).toBe(true);
    expect(email.safeParse(`${local}@x${domain}`).success).toBe(false);
  });
});

describe('password', () => {
  it('keeps the exact characters, spaces included', () => {
    expect(password.parse('  spaced out  ')).toBe('  spaced out  ');
  });
});
