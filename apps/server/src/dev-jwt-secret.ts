// Development and tests run without configuring JWT_SECRET: a random one is made once and kept
// in DATA_DIR, so tokens survive restarts and no secret is ever committed or shared.
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_HMAC_SECRET_BYTES } from '@repo/auth';

export const DEV_JWT_SECRET_FILE = 'jwt-secret';

export function readOrCreateDevJwtSecret(dataDir: string): string {
  const file = join(dataDir, DEV_JWT_SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // Written aside, then published with link(), which fails if the file appeared meanwhile:
    // concurrent workers all end up reading the one complete secret.
    const draft = `${file}.${process.pid}.tmp`;
    writeFileSync(draft, `${randomBytes(MIN_HMAC_SECRET_BYTES).toString('base64url')}\n`, {
      mode: 0o600,
    });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (Buffer.byteLength(secret) < MIN_HMAC_SECRET_BYTES) {
    throw new Error(`${file} holds fewer than ${MIN_HMAC_SECRET_BYTES} bytes`);
  }
  return secret;
}
