import { describe, expect, it } from 'vitest';
import { createResponseControl, readCookie } from './refresh-cookie';

function fakeResponse(headersSent = false) {
  const cookies: string[] = [];
  return {
    cookies,
    res: {
      headersSent,
      appendHeader(_name: string, value: string | readonly string[]) {
        cookies.push(String(value));
        return this as never;
      },
    },
  };
}

const now = new Date('2026-01-01T00:00:00Z');

describe('refresh cookie', () => {
  it('is HttpOnly, SameSite=Strict, for every path, and lives until the token expires', () => {
    const { res, cookies } = fakeResponse();
    const control = createResponseControl(res, { secure: false, now: () => now });
    control.setRefreshCookie('tok.en_-', new Date(now.getTime() + 7 * 86_400_000));
    expect(cookies).toEqual(['rt=tok.en_-; HttpOnly; SameSite=Strict; Path=/; Max-Age=604800']);
  });

  it('is Secure in production and cleared with Max-Age=0', () => {
    const { res, cookies } = fakeResponse();
    const control = createResponseControl(res, { secure: true, now: () => now });
    control.clearRefreshCookie();
    expect(cookies).toEqual(['__Host-rt=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Secure']);
  });

  it('refuses loudly once the response has started, instead of silently losing the token', () => {
    const { res } = fakeResponse(true);
    const control = createResponseControl(res, { secure: false, now: () => now });
    expect(() => control.setRefreshCookie('t', now)).toThrow(/httpBatchLink/);
  });

  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('theme=dark; rt=abc%2B1; other=x', 'rt')).toBe('abc+1');
    expect(readCookie('prt=nope; rt=', 'rt')).toBeNull();
    expect(readCookie(undefined, 'rt')).toBeNull();
    expect(readCookie('rt=%E0%A4%A', 'rt')).toBeNull();
  });
});
