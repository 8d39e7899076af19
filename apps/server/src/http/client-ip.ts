// The client's address for sessions and rate limits. X-Forwarded-For is written by whoever
// connects, so it is only believed as far as TRUST_PROXY says our own proxies wrote it.
import { isIP } from 'node:net';

export type TrustProxy =
  /** Use the socket address; ignore X-Forwarded-For (direct exposure, the default). */
  | { mode: 'none' }
  /** Believe the whole header: the left-most address is the client. Only behind a proxy that overwrites it. */
  | { mode: 'all' }
  /** This many proxies (counting the one that connects to us) append to the header. */
  | { mode: 'hops'; hops: number }
  /** Connections from these proxy addresses are trusted to report the address before them. */
  | { mode: 'addresses'; addresses: ReadonlySet<string> };

/** TRUST_PROXY: false | true | <hops> | <ip>[,<ip>...]; undefined when it is none of these. */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'false') return { mode: 'none' };
  if (v === 'true') return { mode: 'all' };
  if (/^\d+$/.test(v))
    return Number(v) === 0 ? { mode: 'none' } : { mode: 'hops', hops: Number(v) };
  const addresses = v.split(',').map((a) => normalizeIp(a.trim()));
  if (addresses.length === 0 || addresses.some((a) => !isIP(a))) return undefined;
  return { mode: 'addresses', addresses: new Set(addresses) };
}

export function clientIp(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  const direct = socketAddress ? normalizeIp(socketAddress) : 'unknown';
  if (trust.mode === 'none' || !forwardedFor) return direct;

  // Nearest hop first: the socket, then X-Forwarded-For read right to left. A malformed entry
  // ends the chain, since nothing further left of it can be attributed to a trusted proxy.
  const chain = [direct];
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
  for (let i = entries.length - 1; i >= 0; i--) {
    const address = normalizeIp(entries[i]!.trim());
    if (!isIP(address)) break;
    chain.push(address);
  }

  switch (trust.mode) {
    case 'all':
      return chain[chain.length - 1]!;
    case 'hops':
      return chain[Math.min(trust.hops, chain.length - 1)]!;
    case 'addresses': {
      let i = 0;
      while (i < chain.length - 1 && trust.addresses.has(chain[i]!)) i++;
      return chain[i]!;
    }
  }
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is the same client as "10.0.0.1". */
function normalizeIp(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}
