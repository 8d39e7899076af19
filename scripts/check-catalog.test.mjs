// The catalog check run by `pnpm lint` (scripts/check-catalog.mjs).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { catalogProblems, readWorkspace } from './check-catalog.mjs';

const catalog = { zod: '4.6.7', vitest: '4.1.12' };
const api = {
  location: 'packages/api/package.json',
  manifest: {
    name: '@repo/api',
    dependencies: { zod: 'catalog:', '@repo/db': 'workspace:*' },
    devDependencies: { vitest: 'catalog:' },
  },
};
const db = { location: 'packages/db/package.json', manifest: { name: '@repo/db' } };

test('a workspace where every package says catalog: or workspace:* has no problem', () => {
  assert.deepEqual(catalogProblems(catalog, [api, db]), []);
});

test('an external dependency with its own version is refused, naming package, field and name', () => {
  const drifted = {
    location: 'apps/server/package.json',
    manifest: { name: '@repo/server', dependencies: { zod: '4.6.8' } },
  };
  assert.deepEqual(catalogProblems(catalog, [api, db, drifted]), [
    'apps/server/package.json dependencies zod: "4.6.8", use "catalog:" (the version goes in the catalog)',
  ]);
});

test('a peer dependency with a range is refused like any other', () => {
  const peer = {
    location: 'tooling/vitest/package.json',
    manifest: { name: '@repo/vitest-config', peerDependencies: { vitest: '^4.1.0' } },
  };
  assert.deepEqual(catalogProblems(catalog, [api, db, peer]), [
    'tooling/vitest/package.json peerDependencies vitest: "^4.1.0", use "catalog:" (the version goes in the catalog)',
  ]);
});

test('catalog: for a name the catalog lacks is refused', () => {
  const unknown = {
    location: 'apps/web/package.json',
    manifest: { name: '@repo/web', dependencies: { react: 'catalog:' } },
  };
  assert.deepEqual(catalogProblems(catalog, [api, db, unknown]), [
    `apps/web/package.json dependencies react: "catalog:" but pnpm-workspace.yaml's catalog has no react`,
  ]);
});

test('a workspace package referred to by a version instead of workspace:* is refused', () => {
  const pinned = {
    location: 'apps/server/package.json',
    manifest: { name: '@repo/server', dependencies: { '@repo/api': '0.0.0' } },
  };
  assert.deepEqual(catalogProblems(catalog, [api, db, pinned]), [
    'apps/server/package.json dependencies @repo/api: "0.0.0", a workspace package is "workspace:*"',
  ]);
});

test('a catalog entry that no package uses is refused', () => {
  assert.deepEqual(catalogProblems({ ...catalog, rrule: '2.8.1' }, [api, db]), [
    'catalog entry rrule is used by no package: remove it',
  ]);
});

test('this repository passes its own check', () => {
  const { catalog: real, packages } = readWorkspace(join(import.meta.dirname, '..'));
  assert.ok(packages.length >= 10, `expected the whole workspace, got ${packages.length} packages`);
  assert.deepEqual(catalogProblems(real, packages), []);
});
