// Run as a child process by test/ops/slow-clients.test.ts, so that opening and tracking 1,600
// connections does not load the event loop of the server under test:
//   node idle-connections.mjs <port> <silent> <slowHeaders> <deadlineMs>
// Opens <silent> connections that never send a byte and <slowHeaders> that send half a header
// line, prints {"opened":n} once all are connected, then, once the server has closed them all
// or the deadline passed, one JSON line: how long each kind was held open, and what came back.
import { connect } from 'node:net';

const [port, silentCount, slowCount, deadlineMs] = process.argv.slice(2).map(Number);
const PARTIAL_HEADER = 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Wait: ';

function open(firstBytes) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const tracked = { socket, openedAt: 0, closedAt: undefined, received: '' };
    socket.once('connect', () => {
      tracked.openedAt = performance.now();
      if (firstBytes) socket.write(firstBytes);
      resolve(tracked);
    });
    socket.on('data', (chunk) => (tracked.received += chunk.toString('latin1')));
    socket.once('close', () => (tracked.closedAt = performance.now()));
    socket.once('error', (error) => (tracked.openedAt ? undefined : reject(error)));
  });
}

async function openMany(count, firstBytes) {
  const all = [];
  while (all.length < count) {
    const batch = Math.min(100, count - all.length);
    all.push(...(await Promise.all(Array.from({ length: batch }, () => open(firstBytes)))));
  }
  return all;
}

const silent = await openMany(silentCount, null);
const slow = await openMany(slowCount, PARTIAL_HEADER);
process.stdout.write(`${JSON.stringify({ opened: silent.length + slow.length })}\n`);

const deadline = performance.now() + deadlineMs;
const all = [...silent, ...slow];
while (all.some((t) => t.closedAt === undefined) && performance.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const heldMs = (list) =>
  list.filter((t) => t.closedAt !== undefined).map((t) => Math.round(t.closedAt - t.openedAt));
process.stdout.write(
  `${JSON.stringify({
    silentHeldMs: heldMs(silent),
    slowHeldMs: heldMs(slow),
    stillOpen: all.filter((t) => t.closedAt === undefined).length,
    slowAnswered408: slow.filter((t) => t.received.startsWith('HTTP/1.1 408')).length,
  })}\n`,
);
for (const t of all) t.socket.destroy();
