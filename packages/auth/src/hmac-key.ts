// Imports an HS256 secret once as a non-extractable CryptoKey: jose re-imports raw bytes on every
// call, which halves verification throughput.
import { webcrypto } from 'node:crypto';

/** docs/contract.md (Tokens): HS256 secrets carry at least 256 bits. */
export const MIN_HMAC_SECRET_BYTES = 32;

export function importHmacKey(secret: string, purpose: string): Promise<webcrypto.CryptoKey> {
  const bytes = new TextEncoder().encode(secret);
  if (bytes.length < MIN_HMAC_SECRET_BYTES) {
    throw new Error(`${purpose} must be at least ${MIN_HMAC_SECRET_BYTES} bytes (256 bits)`);
  }
  return webcrypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}
