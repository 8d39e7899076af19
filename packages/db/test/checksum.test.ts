import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksumOf, matchesChecksum } from '../src/migrate/checksum';

const script = 'CREATE TABLE "A" ("id" INTEGER);\nCREATE TABLE "B" ("id" INTEGER);\n';

describe('migration checksums', () => {
  it('is the sha-256 of the bytes, in zero-padded lower-case hex', () => {
    expect(checksumOf(script)).toBe(createHash('sha256').update(script).digest('hex'));
    expect(checksumOf('hello')).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
  });

  it('matches the same script whatever its line endings, as Prisma does', () => {
    const crlf = script.replaceAll('\n', '\r\n');
    expect(matchesChecksum(crlf, checksumOf(script))).toBe(true);
    expect(matchesChecksum(script, checksumOf(crlf))).toBe(true);
  });

  it('matches the unpadded checksums old Prisma versions stored', () => {
    const unpadded = [...createHash('sha256').update(script).digest()]
      .map((byte) => byte.toString(16))
      .join('');
    expect(unpadded.length).toBeLessThan(64);
    expect(matchesChecksum(script, unpadded)).toBe(true);
  });

  it('does not match any other content', () => {
    expect(matchesChecksum(`${script}-- edited\n`, checksumOf(script))).toBe(false);
    expect(matchesChecksum(script.trimEnd(), checksumOf(script))).toBe(false);
  });
});
