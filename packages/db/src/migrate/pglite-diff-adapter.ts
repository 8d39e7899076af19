// The database Prisma 6's offline `migrate diff` talks to (see prisma-diff.config.ts): one
// throw-away in-memory PGlite that serves as both the main and the shadow database.
import type { PGlite as PGliteClass } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PrismaPGlite as PrismaPGliteClass } from 'pglite-prisma-adapter';

type DriverAdapter = Awaited<ReturnType<PrismaPGliteClass['connect']>>;

// Prisma loads its config through jiti, which would transpile PGlite's multi-megabyte bundle on
// every run (measured: +6 s of CPU); Node's own loader takes it as it is.
const nativeRequire = createRequire(import.meta.url);
const { PGlite } = nativeRequire('@electric-sql/pglite') as { PGlite: typeof PGliteClass };
const { PrismaPGlite } = nativeRequire('pglite-prisma-adapter') as {
  PrismaPGlite: typeof PrismaPGliteClass;
};

/** @param templatePath a cached empty cluster (../pglite-template.ts), to skip PGlite's initdb */
export function pgliteDiffAdapterFactory(templatePath?: string) {
  // One instance for both roles: the main connection only answers Prisma's version probe, so a
  // second database would cost another initdb (seconds) for nothing.
  let pglite: PGliteClass | undefined;
  const open = async (role: 'main' | 'shadow'): Promise<DriverAdapter> => {
    pglite ??= new PGlite({
      loadDataDir: templatePath ? new Blob([readFileSync(templatePath)]) : undefined,
    });
    return wrap(pglite, await new PrismaPGlite(pglite).connect(), role);
  };
  return {
    provider: 'postgres' as const,
    adapterName: 'pglite-diff',
    connect: () => open('main'),
    connectToShadowDb: () => open('shadow'),
  };
}

function wrap(pglite: PGliteClass, inner: DriverAdapter, role: 'main' | 'shadow'): DriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => inner.queryRaw(query),
    // The schema engine sends each migration file to the shadow database as one parameterless
    // executeRaw; PGlite's prepared statements take one statement only ("cannot insert multiple
    // commands into a prepared statement"), its simple-query `exec` takes a whole script.
    executeRaw: async (query) => {
      if (query.args.length > 0) return inner.executeRaw(query);
      const results = await pglite.exec(query.sql);
      return results.at(-1)?.affectedRows ?? 0;
    },
    executeScript: async (script) => {
      await pglite.exec(script);
    },
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    // The CLI never disposes its main connection, and a live PGlite keeps Node's event loop busy
    // for 10 s after the last query (a statistics timer): close it once the shadow is done.
    dispose: async () => {
      if (role === 'shadow' && !pglite.closed) await pglite.close();
    },
  };
}
