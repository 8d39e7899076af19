// A rolling restart behind the repository's own HAProxy config (deploy/haproxy.cfg): two
// instances on one PostgreSQL database, clients writing through the balancer without pause,
// each instance stopped (as on SIGTERM) and started again in turn. No client may see an error,
// and every acknowledged write must be in the database.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { testDatabaseUrl } from '@repo/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { type RunningServer, startServer } from '../../src/server';
import { registerRest, rest } from '../helpers/rest-http';
import { type TestServer, startTestServer } from '../helpers/test-server';

const HAPROXY_CFG = join(import.meta.dirname, '../../../../deploy/haproxy.cfg');
const hasHaproxy = (() => {
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
// CI installs haproxy (.ci/run): there a missing balancer must fail, not skip.
if (!hasHaproxy && process.env.CI) throw new Error('CI: haproxy is not installed');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(testDatabaseUrl && hasHaproxy)('rolling restart behind HAProxy', () => {
  let base: TestServer | undefined;
  const instances: (RunningServer | undefined)[] = [];
  let haproxy: ChildProcess | undefined;
  afterAll(async () => {
    haproxy?.kill('SIGKILL');
    for (const instance of instances) await instance?.close();
    await base?.close();
  });

  it('gives clients 0 errors while each of two instances restarts', async () => {
    // The test server only provides the migrated database; the instances are started here.
    base = await startTestServer({ engine: 'postgres' });
    await base.running.close();
    const ports = [await freePort(), await freePort()];
    const lbPort = await freePort();
    const start = (i: number) =>
      startServer(
        {
          ...base!.config,
          port: ports[i]!,
          trustProxy: { mode: 'hops', hops: 1 },
          rateLimitAuthPoints: 1000,
          shutdownDelaySeconds: 2,
          shutdownGraceSeconds: 10,
        },
        { logger: createLogger({ logLevel: 'silent' }) },
      );
    instances[0] = await start(0);
    instances[1] = await start(1);

    haproxy = spawn('haproxy', ['-f', HAPROXY_CFG], {
      env: {
        ...process.env,
        LB_BIND: `127.0.0.1:${lbPort}`,
        APP1: `127.0.0.1:${ports[0]}`,
        APP2: `127.0.0.1:${ports[1]}`,
      },
      stdio: 'ignore',
    });
    const lb = `http://127.0.0.1:${lbPort}`;
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`${lb}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await sleep(100);
    }
    // Both servers seen up (rise 2 at 1 s) before the restarts begin.
    await sleep(2_500);

    const user = await registerRest(lb);
    const errors: string[] = [];
    const acknowledged: string[] = [];
    let stop = false;
    const client = async (c: number) => {
      for (let i = 0; !stop && i < 5_000; i++) {
        try {
          const res = await rest<{ id: string }>(lb, 'POST', '/api/tasks', {
            token: user.accessToken,
            body: { title: `c${c}-${i}` },
          });
          if (res.status === 201) acknowledged.push(`c${c}-${i}`);
          else errors.push(`${res.status} ${res.text.slice(0, 100)}`);
        } catch (error) {
          errors.push(String(error));
        }
      }
    };
    const clients = Array.from({ length: 10 }, (_, c) => client(c));

    for (const i of [0, 1]) {
      await sleep(1_000);
      await instances[i]!.close();
      instances[i] = await start(i);
      // Back in rotation (rise 2 at 1 s) before the other one goes.
      await sleep(3_000);
    }
    stop = true;
    await Promise.all(clients);

    expect(errors).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(100);
    const stored = await base.db.prisma.task.count({ where: { userId: user.id } });
    expect(stored).toBe(acknowledged.length);
  }, 90_000);
});
