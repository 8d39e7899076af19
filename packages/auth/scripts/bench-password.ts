// Not a test: measures what a login costs on this machine.
//   pnpm --filter @repo/auth bench:password [--seconds 5] [--concurrency 8] [--engine postgres]
// (--engine postgres needs TEST_DATABASE_URL, like the tests.)
// 1. argon2id hash and verify latency with the production parameters, one at a time;
// 2. verify throughput with `concurrency` verifications in flight: the CPU ceiling for logins;
// 3. login throughput: the login path's real work (user lookup, password verify, new session,
//    access token) against a fresh database, with `concurrency` logins in flight.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { createTestDatabase } from '@repo/db/testing';
import {
  createAccessTokens,
  hashPassword,
  passwordParams,
  startSession,
  verifyPassword,
} from '../src/index';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
    engine: { type: 'string', default: 'pglite' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const engine = values.engine === 'postgres' ? 'postgres' : 'pglite';
const password = 'correct horse battery staple';

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms (n=${ms.length})`;
}

async function oneAtATime(fn: () => Promise<unknown>, n: number): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn();
    ms.push(performance.now() - started);
  }
  return stats(ms);
}

/** `concurrency` calls of `fn` in flight for `seconds`: calls per second and their latency. */
async function underLoad(fn: () => Promise<unknown>): Promise<string> {
  const deadline = performance.now() + seconds * 1000;
  const ms: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await fn();
        ms.push(performance.now() - started);
      }
    }),
  );
  return `${(ms.length / seconds).toFixed(1)}/s with ${concurrency} in flight; latency ${stats(ms)}`;
}

const { memoryCost, timeCost, parallelism } = passwordParams;
console.log(`argon2id m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}`);
console.log(
  `machine: ${availableParallelism()} CPUs, libuv threadpool ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}, Node ${process.version}`,
);

const stored = await hashPassword(password);
await oneAtATime(() => verifyPassword(stored, password), 3); // warm-up
console.log(`hash:   ${await oneAtATime(() => hashPassword(password), 30)}`);
console.log(`verify: ${await oneAtATime(() => verifyPassword(stored, password), 30)}`);
console.log(`verify: ${await underLoad(() => verifyPassword(stored, password))}`);

const db = await createTestDatabase(engine, concurrency + 2);
const tokens = createAccessTokens({
  secret: 'bench-secret-0123456789abcdef0123456789',
  issuer: 'bench',
  audience: 'bench',
});
await db.prisma.user.create({ data: { email: 'bench@example.com', passwordHash: stored } });

async function login(): Promise<void> {
  const row = await db.prisma.user.findUnique({
    where: { email: 'bench@example.com' },
    select: { id: true, email: true, passwordHash: true },
  });
  if (!row || !(await verifyPassword(row.passwordHash, password))) throw new Error('login failed');
  const session = await startSession(db.prisma, row.id, { userAgent: 'bench', ip: '127.0.0.1' });
  await tokens.sign({ userId: row.id, email: row.email, sessionId: session.sessionId });
}

try {
  console.log(`login (${engine}): ${await underLoad(login)}`);
} finally {
  await db.close();
}
