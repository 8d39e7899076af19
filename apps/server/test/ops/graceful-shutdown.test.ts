// Graceful shutdown under load: 50 keep-alive connections keep requests in flight while the
// server is asked to stop (what main.ts does on SIGTERM). Readiness turns 503 first, responses
// ask clients to reconnect elsewhere, every request the server accepted is answered 200, none
// is reset, and the shutdown hooks (live-sync streams) run before the listener closes.
import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/test-server';

interface Reply {
  status: number;
  connection: string | undefined;
}

function get(agent: Agent, url: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('graceful shutdown', () => {
  it('answers every accepted request under 50-connection load, readiness 503 first', async () => {
    const server = await startTestServer({
      config: { shutdownDelaySeconds: 1, shutdownGraceSeconds: 20 },
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    const failures: string[] = [];
    let answered = 0;
    let listenerClosed = false;

    const client = async () => {
      for (let i = 0; i < 500; i++) {
        try {
          const reply = await get(agent, `${server.url}/__test/slow?ms=150`);
          if (reply.status !== 200) failures.push(`status ${reply.status}`);
          answered++;
          // The server said it is leaving: a client (or balancer) goes elsewhere.
          if (reply.connection === 'close') return;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // A new connection after the listener closed: never accepted, so not a lost request.
          if (code === 'ECONNREFUSED' && listenerClosed) return;
          failures.push(`${code ?? ''} ${(error as Error).message}`);
          return;
        }
      }
    };
    const clients = Array.from({ length: 50 }, client);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const readyBefore = await fetch(`${server.url}/readyz`);
    expect(readyBefore.status).toBe(200);
    const inFlightAtStop = answered;
    const closing = server.close();
    // During the delay the listener still accepts, readiness says 503 and clients are let go.
    const readyDuring = await fetch(`${server.url}/readyz`);
    expect(readyDuring.status).toBe(503);
    expect(await readyDuring.json()).toMatchObject({ reason: 'shutting down' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    listenerClosed = true;
    await closing;
    await Promise.all(clients);
    agent.destroy();

    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(inFlightAtStop);
  }, 60_000);

  it('runs shutdown hooks before waiting for in-flight requests', async () => {
    const server = await startTestServer({ config: { shutdownGraceSeconds: 5 } });
    const order: string[] = [];
    server.running.onShutdown.add(() => {
      order.push('hook');
    });
    const slow = fetch(`${server.url}/__test/slow?ms=500`).then(async (res) => {
      await res.text();
      order.push(`request ${res.status}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.close();
    await slow;
    expect(order).toEqual(['hook', 'request 200']);
  });
});
