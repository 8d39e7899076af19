// Runs `prisma generate` on any machine, including ones that cannot download Prisma's Rust
// schema engine. `generate` never executes that engine, but the CLI insists on having a file
// for it before starting; when none is configured we point it at an empty placeholder. On a
// machine where the real engine is present (PRISMA_SCHEMA_ENGINE_BINARY set), nothing changes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };

if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = join(pkgDir, 'node_modules', '.cache', 'schema-engine-placeholder');
  if (!existsSync(placeholder)) {
    mkdirSync(dirname(placeholder), { recursive: true });
    writeFileSync(placeholder, '');
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}

const prismaBin = join(
  pkgDir,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'prisma.cmd' : 'prisma',
);
const result = spawnSync(prismaBin, ['generate'], { cwd: pkgDir, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
