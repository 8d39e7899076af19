// Runs Prisma's own `migrate diff` offline to get the SQL that takes a database from a starting
// point (nothing, or what a migrations directory produces) to what a schema.prisma declares.
// Prisma 7's CLI needs its Rust schema engine for this; Prisma 6 (`prisma-diff`) can run its
// WebAssembly engine instead, configured by prisma-diff.config.ts.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePgliteTemplate } from '../pglite-template';

export type DiffSource = { empty: true } | { migrationsDir: string };

export interface SchemaDiff {
  /** The migration script; empty when nothing changes. */
  sql: string;
  changed: boolean;
}

const cliPath = join(
  dirname(createRequire(import.meta.url).resolve('prisma-diff/package.json')),
  'build/index.js',
);
const configPath = fileURLToPath(new URL('./prisma-diff.config.ts', import.meta.url));

export async function diffToSchema(from: DiffSource, schemaPath: string): Promise<SchemaDiff> {
  const workDir = mkdtempSync(join(tmpdir(), 'prisma-diff-'));
  try {
    const schemaCopy = join(workDir, 'schema.prisma');
    writeFileSync(schemaCopy, offlineSchema(readFileSync(schemaPath, 'utf8')));
    // The CLI insists on engine files existing before it starts, though engine 'js' runs none.
    const placeholder = join(workDir, 'engine-placeholder');
    writeFileSync(placeholder, '');
    const fromArgs = 'empty' in from ? ['--from-empty'] : ['--from-migrations', from.migrationsDir];
    const args = ['migrate', 'diff', '--config', configPath, ...fromArgs];
    args.push('--to-schema-datamodel', schemaCopy, '--script', '--exit-code');
    const { code, stdout, stderr } = await run(args, {
      PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
      PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
      PGLITE_TEMPLATE: (await ensurePgliteTemplate()) ?? '',
    });
    // --exit-code: 0 = no difference, 2 = a difference (printed), anything else = failure.
    if (code === 0) return { sql: '', changed: false };
    if (code === 2) return { sql: stdout, changed: true };
    throw new Error(
      `prisma migrate diff failed (exit ${code}):\n${stderr.trim() || stdout.trim()}`,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * The schema as Prisma 6 accepts it: a datasource `url` is required there (Prisma 7 moved it to
 * prisma.config.ts) though the diff never connects, and the generator block is irrelevant.
 */
export function offlineSchema(schema: string): string {
  return schema
    .replace(/^generator\s+\w+\s*\{[^}]*\}/gm, '')
    .replace(/^(datasource\s+\w+\s*\{)([^}]*)\}/m, (block, head: string, body: string) =>
      /^\s*url\s*=/m.test(body)
        ? block
        : `${head}${body}  url = "postgresql://offline.invalid/x"\n}`,
    );
}

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      // eslint-disable-next-line no-restricted-properties -- the child inherits our environment
      env: { ...process.env, ...env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
