// Opaque refresh tokens: 256 random bits, shown to the client once; the database keeps only a
// SHA-256 digest, so a leaked table cannot be replayed. A fast hash is enough: the input has
// 256 bits of entropy, nothing to brute-force.
import { createHash, randomBytes } from 'node:crypto';

export const REFRESH_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// 32 bytes in base64url without padding.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function generateRefreshToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashRefreshToken(token) };
}

/** Cheap shape check: garbage never reaches the database. */
export function isWellFormedRefreshToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function refreshExpiry(now: Date, ttlMs = REFRESH_TOKEN_TTL_MS): Date {
  return new Date(now.getTime() + ttlMs);
}
