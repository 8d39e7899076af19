// The repository's own balancer config (deploy/haproxy.cfg) run locally against test instances:
// the multi-instance and fault tests go through exactly what docker-compose.yml deploys.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const HAPROXY_CFG = join(import.meta.dirname, '../../../../deploy/haproxy.cfg');

export const hasHaproxy = (() => {
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
// CI installs haproxy (.ci/run): there a missing balancer must fail, not skip.
if (!hasHaproxy && process.env.CI) throw new Error('CI: haproxy is not installed');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Balancer {
  url: string;
  process: ChildProcess;
  stop(): void;
}

/**
 * HAProxy in front of two instances, resolved once it answers /readyz and has had time to see
 * both servers up (rise 2 at 1 s).
 */
export async function startHaproxy(appPorts: [number, number]): Promise<Balancer> {
  const lbPort = await freePort();
  const child = spawn('haproxy', ['-f', HAPROXY_CFG], {
    env: {
      ...process.env,
      LB_BIND: `127.0.0.1:${lbPort}`,
      APP1: `127.0.0.1:${appPorts[0]}`,
      APP2: `127.0.0.1:${appPorts[1]}`,
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${lbPort}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await sleep(100);
  }
  await sleep(2_500);
  return { url, process: child, stop: () => void child.kill('SIGKILL') };
}
