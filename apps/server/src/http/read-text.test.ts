// readText on a real socket: the whole body, the cut-off past the limit, and a client that leaves
// half-way, which must end the read instead of leaving it pending for ever.
import { once } from 'node:events';
import { type IncomingMessage, createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readText } from './read-text';

const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server whose first request's readText outcome is returned, and its port. */
async function reading(limit: number) {
  let settle!: (outcome: string) => void;
  const outcome = new Promise<string>((resolve) => (settle = resolve));
  const server = createServer((req: IncomingMessage, res) => {
    readText(req, limit, () => new Error('too large')).then(
      (text) => settle(`text:${text}`),
      (error: Error) => settle(`error:${error.message}`),
    );
    res.on('error', () => {});
    req.on('end', () => res.end('ok'));
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { outcome, port: (server.address() as AddressInfo).port };
}

function send(port: number, chunks: string[], end: boolean) {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  socket.write('POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
  for (const chunk of chunks) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
  if (end) socket.write('0\r\n\r\n');
  else setTimeout(() => socket.destroy(), 50);
  return socket;
}

describe('readText', () => {
  it('reads a chunked body whole', async () => {
    const { outcome, port } = await reading(100);
    const socket = send(port, ['{"a":', '1}'], true);
    expect(await outcome).toBe('text:{"a":1}');
    socket.destroy();
  });

  it('stops past the limit', async () => {
    const { outcome, port } = await reading(5);
    const socket = send(port, ['1234', '5678'], true);
    expect(await outcome).toBe('error:too large');
    socket.destroy();
  });

  it('rejects when the client leaves before the body ends', async () => {
    const { outcome, port } = await reading(100);
    send(port, ['{"a":'], false);
    expect(await outcome).toMatch(/^error:/);
  });
});
