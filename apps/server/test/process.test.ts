// The built bundle as a real process: it starts from a clean state on PGlite, signs users up and
// in (argon2 on its worker file), reports bad configuration and exits 1, and on SIGTERM
// finishes what it started before exiting 0.
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { createTestDatabase, testDatabaseUrl } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Child,
  buildBundle,
  runBundle,
  waitForChild as waitFor,
} from './helpers/server-process';

let main: string;
let removeBundle = () => {};

beforeAll(() => {
  ({ main, remove: removeBundle } = buildBundle());
});
afterAll(() => removeBundle());

const run = (env: Record<string, string>): Child => runBundle(main, env);

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('server process', () => {
  it('prints one line per bad variable and exits 1', async () => {
    const child = run({ PORT: 'eighty', NODE_ENV: 'production' });
    expect(await child.exited).toBe(1);
    expect(child.stderr()).toContain('  PORT: must be an integer from 0 to 65535');
    expect(child.stderr()).toContain('  JWT_SECRET: required in production');
  });

  // The child boots a fresh PGlite and migrates it first: many seconds on a busy CI machine.
  it('serves /readyz from a clean data directory, then on SIGTERM finishes in-flight work and exits 0', async () => {
    const child = run({ DATA_DIR: mkdtempSync(join(tmpdir(), 'server-data-')), LOG_LEVEL: 'info' });
    try {
      const url = await waitFor(
        child,
        () => /Server ready at (\S+)/.exec(child.stdout())?.[1],
        'the ready line',
      );
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      // Passwords hash on the pool's worker, which ships as a file beside the bundle.
      const credentials = { email: 'bundle@example.com', password: 'bundle password' };
      const post = (path: string) =>
        fetch(`${url}/api/v1/auth/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(credentials),
        });
      expect((await post('register')).status).toBe(201);
      expect((await post('login')).status).toBe(200);

      // Its headers arrive at once; its body only after 1.5 s.
      const slow = await fetch(`${url}/__test/slow?ms=1500`);
      expect(slow.status).toBe(200);

      child.process.kill('SIGTERM');
      await waitFor(
        child,
        () => (child.stdout().includes('"msg":"shutting down"') ? true : undefined),
        'shutdown',
      );
      expect(await connectionRefused(Number(new URL(url).port))).toBe(true);

      expect(await slow.json()).toEqual({ done: true, ms: 1500 });
      expect(await child.exited).toBe(0);
      expect(child.stdout()).toContain('"msg":"stopped"');
      expect(child.stdout()).not.toContain('deadline passed');
    } finally {
      child.process.kill('SIGKILL');
    }
  }, 60_000);

  it.runIf(testDatabaseUrl)(
    'SIGTERM to one WEB_CONCURRENCY worker under 50-connection load fails no request',
    async () => {
      const db = await createTestDatabase('postgres');
      const child = run({
        DATA_DIR: mkdtempSync(join(tmpdir(), 'server-data-')),
        DATABASE_URL: db.url ?? '',
        WEB_CONCURRENCY: '2',
        LOG_LEVEL: 'info',
        // Keep-alive connections get `Connection: close` on a response before the listener
        // closes; closing an idle one at once races the client's next request (ECONNRESET).
        SHUTDOWN_DELAY_SECONDS: '1',
      });
      const agent = new Agent({ keepAlive: true, maxSockets: 50 });
      try {
        const url = await waitFor(
          child,
          () =>
            (child.stdout().match(/Server ready at (\S+)/g)?.length === 2 ? true : undefined) &&
            /Server ready at (\S+)/.exec(child.stdout())?.[1],
          'two ready workers',
        );
        const workers = readFileSync(
          `/proc/${child.process.pid}/task/${child.process.pid}/children`,
          'utf8',
        )
          .trim()
          .split(/\s+/)
          .map(Number);
        expect(workers).toHaveLength(2);

        const failures: string[] = [];
        let answered = 0;
        let stop = false;
        const get = () =>
          new Promise<void>((resolve) => {
            const req = request(`${url}/__test/slow?ms=100`, { agent }, (res) => {
              res.resume();
              res.on('end', () => {
                if (res.statusCode === 200) answered++;
                else failures.push(`status ${res.statusCode}`);
                resolve();
              });
            });
            req.on('error', (error) => {
              failures.push(String(error));
              resolve();
            });
            req.end();
          });
        const clients = Array.from({ length: 50 }, async () => {
          while (!stop) await get();
        });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const before = answered;
        process.kill(workers[0]!, 'SIGTERM');
        // The worker drains and exits; the other keeps serving; the primary starts a new one.
        await waitFor(
          child,
          () => (child.stdout().includes('worker died; starting another') ? true : undefined),
          'the replacement worker',
        );
        await new Promise((resolve) => setTimeout(resolve, 1000));
        stop = true;
        await Promise.all(clients);
        expect(failures).toEqual([]);
        expect(answered).toBeGreaterThan(before + 100);
      } finally {
        agent.destroy();
        child.process.kill('SIGKILL');
        await child.exited;
        await db.close();
      }
    },
    60_000,
  );
});
