// Configuration for the Prisma 6 CLI (devDependency `prisma-diff`) as run by prisma-diff.ts:
// its JavaScript schema engine ('js', WebAssembly) on a PGlite adapter, so `migrate diff` needs
// neither the Rust engines (which cannot be downloaded everywhere) nor a database server.
import { defineConfig } from 'prisma-diff/config';
import { pgliteDiffAdapterFactory } from './pglite-diff-adapter';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  // Set by prisma-diff.ts; absent, PGlite runs its own initdb.
  adapter: () =>
    Promise.resolve(pgliteDiffAdapterFactory(process.env.PGLITE_TEMPLATE || undefined)),
});
