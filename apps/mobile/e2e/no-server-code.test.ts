// The export must not carry server code: a value import of @repo/api (instead of `import type`)
// or of a server package would pull the database driver, Prisma or the password hasher into
// what every phone downloads. Each marker is a string those packages' own code contains and
// no client library does (checked against this export): a package name as it appears in a
// bundled module path or require, or an identifier of the package's source.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUNDLES = resolve(import.meta.dirname, '../dist/_expo/static/js/web');

const SERVER_MARKERS = [
  '@prisma/client',
  'PrismaClient',
  '@prisma/adapter-pg',
  'argon2',
  'pg-protocol',
  'pg-connection-string',
  '@electric-sql/pglite',
  'pglite-prisma-adapter',
  'ioredis',
];

describe('the web export', () => {
  const files = readdirSync(BUNDLES).filter((file) => file.endsWith('.js'));

  it('has JavaScript bundles to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('contains no server code', () => {
    const found = files.flatMap((file) => {
      const code = readFileSync(join(BUNDLES, file), 'utf8');
      return SERVER_MARKERS.filter((marker) => code.includes(marker)).map((m) => `${file}: ${m}`);
    });
    expect(found).toEqual([]);
  });
});
