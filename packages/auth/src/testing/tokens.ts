// Hand-made JWTs for rejection tests: headers and signatures jose would refuse to produce
// (alg none, a mismatched alg header, a tampered payload).
import { createHmac } from 'node:crypto';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** `alg: none`, no signature: the classic downgrade. */
export function unsignedToken(
  payload: object,
  header: object = { alg: 'none', typ: 'at+jwt' },
): string {
  return `${encode(header)}.${encode(payload)}.`;
}

/** An HMAC-signed token with any header (e.g. HS384 with our secret, or alg RS256 but HMAC'd). */
export function hmacToken(
  header: object,
  payload: object,
  secret: string,
  hash: 'sha256' | 'sha384' | 'sha512' = 'sha256',
): string {
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

/** Replaces a token's payload but keeps its header and signature. */
export function withPayload(token: string, payload: object): string {
  const [header, , signature] = token.split('.');
  return `${header}.${encode(payload)}.${signature}`;
}

export function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A clock tests move by hand: no sleeping for expiry or grace windows. */
export function manualClock(start = new Date('2026-11-21T12:00:00.000Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    set(date: Date) {
      current = date.getTime();
    },
  };
}
