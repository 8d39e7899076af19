// A rolling restart behind the repository's own HAProxy config (deploy/haproxy.cfg): two
// instances on one PostgreSQL database, clients writing through the balancer without pause,
// each instance stopped (as on SIGTERM) and started again in turn. No client may see an error,
// and every acknowledged write must be in the database.
import { testDatabaseUrl } from '@repo/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { type RunningServer, startServer } from '../../src/server';
import { type Balancer, freePort, hasHaproxy, startHaproxy } from '../helpers/haproxy';
import { registerRest, rest } from '../helpers/rest-http';
import { type TestServer, startTestServer } from '../helpers/test-server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(testDatabaseUrl && hasHaproxy)('rolling restart behind HAProxy', () => {
  let base: TestServer | undefined;
  const instances: (RunningServer | undefined)[] = [];
  let haproxy: Balancer | undefined;
  afterAll(async () => {
    haproxy?.stop();
    for (const instance of instances) await instance?.close();
    await base?.close();
  });

  it('gives clients 0 errors while each of two instances restarts', async () => {
    // The test server only provides the migrated database; the instances are started here.
    base = await startTestServer({ engine: 'postgres' });
    await base.running.close();
    const ports: [number, number] = [await freePort(), await freePort()];
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

    haproxy = await startHaproxy(ports);
    const lb = haproxy.url;

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
