// Migration checksums exactly as Prisma's schema engine computes and compares them, so a file
// Prisma accepts is accepted here too (and one it refuses is refused).
import { createHash } from 'node:crypto';

/** sha-256 of the script's bytes, lower-case hex: what goes into _prisma_migrations.checksum. */
export function checksumOf(script: string | Uint8Array): string {
  return createHash('sha256').update(script).digest('hex');
}

/**
 * Whether `script` is the one a stored checksum was taken from. Like Prisma, a checkout that only
 * changed line endings (git autocrlf) still matches, and so do the unpadded hex checksums very
 * old Prisma versions wrote (prisma/prisma-engines#1887).
 */
export function matchesChecksum(script: string, stored: string): boolean {
  const variants = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')];
  return variants.some((variant) => {
    const digest = createHash('sha256').update(variant).digest();
    const rendered =
      stored.length === 64
        ? digest.toString('hex')
        : [...digest].map((byte) => byte.toString(16)).join('');
    return rendered === stored;
  });
}
