// The real production server for the app's tests: apps/server's bundle built as CI builds it,
// run as its own process on a loopback port, over a fresh database (a new PostgreSQL database
// when TEST_DATABASE_URL is set, else PGlite in a temporary directory), dropped afterwards.
// Plain CommonJS: Jest's global setup and the e2e test load it without a transform.
const { execFileSync, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

const serverDir = join(__dirname, '..', '..', 'server');

/** Builds apps/server into a fresh directory inside it (its imports resolve from there). */
function buildServerBundle() {
  mkdirSync(join(serverDir, 'test-artifacts'), { recursive: true });
  const outdir = mkdtempSync(join(serverDir, 'test-artifacts', 'mobile-bundle-'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir], {
    cwd: serverDir,
    stdio: 'pipe',
  });
  return {
    bundle: join(outdir, 'main.js'),
    remove: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

async function admin(sql) {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * @param {{ corsOrigins?: string[] }} options
 * @returns {Promise<{ url: string, databaseUrl: string | undefined, stop(): Promise<void> }>}
 */
async function startServerProcess(options = {}) {
  const { bundle, remove } = buildServerBundle();
  const dataDir = mkdtempSync(join(tmpdir(), 'mobile-server-data-'));
  let databaseName;
  let databaseUrl;
  if (process.env.TEST_DATABASE_URL) {
    databaseName = `test_mobile_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE "${databaseName}"`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  }
  const child = spawn(process.execPath, [bundle], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET: randomBytes(48).toString('base64'),
      DATA_DIR: dataDir,
      MIGRATE_ON_START: 'true',
      LOG_LEVEL: 'warn',
      // Tests sign many people up from one address.
      RATE_LIMIT_AUTH_POINTS: '10000',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...(options.corsOrigins ? { CORS_ORIGINS: options.corsOrigins.join(',') } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));

  const cleanUp = async () => {
    remove();
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseName) await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  };

  const deadline = Date.now() + 60_000;
  let url;
  while (!url) {
    url = /Server ready at (\S+)/.exec(stdout)?.[1];
    if (url) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await cleanUp();
      throw new Error(`the server did not start:\n${stderr}${stdout}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    databaseUrl,
    async stop() {
      child.kill('SIGTERM');
      // Graceful shutdown waits for open keep-alive connections; the tests do not need that.
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(killer);
      await cleanUp();
    },
  };
}

module.exports = { buildServerBundle, startServerProcess };
