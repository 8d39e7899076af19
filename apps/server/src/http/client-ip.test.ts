import { describe, expect, it } from 'vitest';
import { type TrustProxy, clientIp, parseTrustProxy } from './client-ip';

const none: TrustProxy = { mode: 'none' };

describe('clientIp', () => {
  it('ignores X-Forwarded-For when no proxy is trusted, so a client cannot pick its own address', () => {
    expect(clientIp('203.0.113.7', '1.2.3.4', none)).toBe('203.0.113.7');
  });

  it('counts trusted hops from the socket leftwards through X-Forwarded-For', () => {
    const hops = (n: number): TrustProxy => ({ mode: 'hops', hops: n });
    // client 198.51.100.1 -> spoofed "1.2.3.4" it wrote itself -> proxy A (10.0.0.2) -> proxy B (10.0.0.1) -> us
    const xff = '1.2.3.4, 198.51.100.1, 10.0.0.2';
    expect(clientIp('10.0.0.1', xff, hops(1))).toBe('10.0.0.2');
    expect(clientIp('10.0.0.1', xff, hops(2))).toBe('198.51.100.1');
    expect(clientIp('10.0.0.1', '198.51.100.1', hops(5))).toBe('198.51.100.1');
  });

  it('walks past listed proxy addresses only', () => {
    const trust: TrustProxy = { mode: 'addresses', addresses: new Set(['10.0.0.1', '10.0.0.2']) };
    expect(clientIp('10.0.0.1', '1.2.3.4, 198.51.100.1, 10.0.0.2', trust)).toBe('198.51.100.1');
    expect(clientIp('203.0.113.7', '1.2.3.4', trust)).toBe('203.0.113.7');
  });

  it('believes the left-most address when every proxy is trusted', () => {
    expect(clientIp('10.0.0.1', ['198.51.100.1, 10.0.0.3', '10.0.0.2'], { mode: 'all' })).toBe(
      '198.51.100.1',
    );
  });

  it('stops at a malformed entry and unwraps IPv4-mapped IPv6 addresses', () => {
    expect(clientIp('::ffff:10.0.0.1', 'evil, 198.51.100.1', { mode: 'all' })).toBe('198.51.100.1');
    expect(clientIp('::ffff:127.0.0.1', undefined, none)).toBe('127.0.0.1');
    expect(clientIp(undefined, undefined, none)).toBe('unknown');
  });
});

describe('parseTrustProxy', () => {
  it.each([
    ['false', { mode: 'none' }],
    ['0', { mode: 'none' }],
    ['true', { mode: 'all' }],
    ['2', { mode: 'hops', hops: 2 }],
    ['10.0.0.1, ::1', { mode: 'addresses', addresses: new Set(['10.0.0.1', '::1']) }],
  ])('reads %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each(['yes please', '10.0.0.0/8', '10.0.0.1,'])('refuses %j', (value) => {
    expect(parseTrustProxy(value)).toBeUndefined();
  });
});
