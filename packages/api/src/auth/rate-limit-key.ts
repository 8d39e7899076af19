// Whose budget a sign-in attempt spends. One IPv4 address is one client; an IPv6 client is
// usually given a whole /64 (RFC 6177), so its addresses share one key and rotating through
// them buys no extra attempts.
import { isIPv4, isIPv6 } from 'node:net';

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

export function rateLimitKey(ip: string): string {
  if (isIPv4(ip)) return ip;
  const mapped = MAPPED_IPV4.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  // A dotted IPv4 tail counts as two groups; it only ever sits in the last 64 bits anyway.
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
