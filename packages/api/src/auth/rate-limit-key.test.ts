import { describe, expect, it } from 'vitest';
import { rateLimitKey } from './rate-limit-key';

describe('rateLimitKey', () => {
  it('keeps an IPv4 address, also when written as IPv4-mapped IPv6', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    const key = '2001:db8:85a3:42::/64';
    for (const ip of [
      '2001:db8:85a3:42::1',
      '2001:0db8:85a3:0042:ffff:ffff:ffff:ffff',
      '2001:DB8:85A3:42:1:2:3:4',
      '2001:db8:85a3:42::1.2.3.4',
      'fe80::1%eth0'.replace('fe80::1', '2001:db8:85a3:42::9'),
    ]) {
      expect([ip, rateLimitKey(ip)]).toEqual([ip, key]);
    }
    expect(rateLimitKey('2001:db8:85a3:43::1')).not.toBe(key);
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('2001:db8::')).toBe('2001:db8:0:0::/64');
  });

  it('passes anything else through unchanged', () => {
    expect(rateLimitKey('unknown')).toBe('unknown');
  });
});
