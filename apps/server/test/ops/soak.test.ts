// A soak: the production bundle on PostgreSQL under a steady mixed load (SOAK_RPS, default ~100
// requests a second: lists, creates, updates, completions, auth.me) for SOAK_SECONDS. After a
// warm-up, the run must show 0 errors, a flat p99 (the last window's at most twice the first's,
// plus 10 ms of timer noise) and flat memory (the last window's median RSS at most 30% above
// the first's): nothing accumulates per request.
//
// It runs when SOAK_SECONDS is set: `pnpm test:ops` sets 60 (a minute is too long for every
// `pnpm test`); the 10-minute run:
//   SOAK_SECONDS=600 pnpm test:ops
import { type TestDatabase, createTestDatabase, testDatabaseUrl } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/haproxy';
import { type RestUser, registerRest, rest } from '../helpers/rest-http';
import { type ServerProcess, buildBundle, startServerProcess } from '../helpers/server-process';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 0);
const RATE_PER_SECOND = Number(process.env.SOAK_RPS ?? 100);
/** Requests still waiting past this are a stall, counted as errors, not queued without end. */
const MAX_IN_FLIGHT = 50;
const USERS = 10;

interface Sample {
  /** Seconds since the load began. */
  at: number;
  ms: number;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * p) - 1)]!;
const median = (values: number[]) => percentile(values, 0.5);

describe.runIf(testDatabaseUrl && SECONDS > 0)(
  `soak: ${SECONDS} s at ~${RATE_PER_SECOND} rps`,
  () => {
    let bundle: ReturnType<typeof buildBundle>;
    let db: TestDatabase;
    let server: ServerProcess | undefined;
    beforeAll(async () => {
      bundle = buildBundle();
      db = await createTestDatabase('postgres');
    });
    afterAll(async () => {
      await server?.stop();
      await db?.close();
      bundle?.remove();
    });

    it(
      'answers every request, with flat p99 and flat memory',
      async () => {
        server = await startServerProcess(bundle.main, {
          port: await freePort(),
          databaseUrl: db.url!,
          env: { TRUST_PROXY: 'false' },
        });
        const url = server.url;
        const users: RestUser[] = [];
        for (let i = 0; i < USERS; i++) users.push(await registerRest(url));
        const taskIds = new Map<string, number[]>(users.map((u) => [u.id, []]));

        /** One request of the mix, chosen by its sequence number; resolves to its status. */
        const send = async (n: number): Promise<number> => {
          const user = users[n % USERS]!;
          const own = taskIds.get(user.id)!;
          const token = user.accessToken;
          const kind = n % 10;
          if (kind < 2 || own.length === 0) {
            const res = await rest<{ id: number }>(url, 'POST', '/api/tasks', {
              token,
              body: {
                title: `soak ${n}`,
                dueDate: '2030-01-01T09:00:00.000Z',
                recurrenceRule: 'FREQ=DAILY',
              },
            });
            if (res.status === 201) own.push(res.body.id);
            return res.status;
          }
          const id = own[n % own.length]!;
          if (kind === 2) {
            return (
              await rest(url, 'PUT', `/api/tasks/${id}`, { token, body: { priority: 'high' } })
            ).status;
          }
          if (kind === 3) {
            return (await rest(url, 'PATCH', `/api/tasks/${id}/complete`, { token })).status;
          }
          if (kind === 4) return (await rest(url, 'GET', '/api/v1/auth/me', { token })).status;
          return (await rest(url, 'GET', '/api/tasks?limit=50', { token })).status;
        };

        // Warm-up, not measured: a fresh process compiles each query shape on first use (the
        // first write takes seconds), which would read as a stall.
        for (let n = 0; n < 20 * USERS; n++) expect(await send(n)).toBeLessThan(300);

        const samples: Sample[] = [];
        const rss: Sample[] = [];
        const errors: string[] = [];
        let inFlight = 0;
        const pending = new Set<Promise<void>>();
        const began = performance.now();
        const seconds = () => (performance.now() - began) / 1000;
        const memory = setInterval(
          () => rss.push({ at: seconds(), ms: server!.rssBytes() }),
          1_000,
        );
        // Open loop: requests leave on schedule whether or not earlier ones have been answered.
        let sent = 0;
        while (seconds() < SECONDS) {
          const due = Math.floor(seconds() * RATE_PER_SECOND);
          for (; sent < due; sent++) {
            if (inFlight >= MAX_IN_FLIGHT) {
              errors.push(`stalled: ${inFlight} requests in flight at ${seconds().toFixed(1)} s`);
              continue;
            }
            const n = sent;
            const started = performance.now();
            inFlight++;
            const request = send(n).then(
              (status) => {
                if (status >= 300) errors.push(`request ${n}: ${status}`);
                samples.push({ at: (started - began) / 1000, ms: performance.now() - started });
              },
              (error: unknown) => void errors.push(`request ${n}: ${String(error)}`),
            );
            const tracked = request.finally(() => {
              inFlight--;
              pending.delete(tracked);
            });
            pending.add(tracked);
          }
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        await Promise.all(pending);
        clearInterval(memory);

        // Windows: after a warm-up of a tenth of the run, the first and the last fifth.
        const window = (from: number, to: number, list: Sample[]) =>
          list.filter((s) => s.at >= from * SECONDS && s.at < to * SECONDS).map((s) => s.ms);
        const firstP99 = percentile(window(0.1, 0.3, samples), 0.99);
        const lastP99 = percentile(window(0.8, 1, samples), 0.99);
        const firstRss = median(window(0.1, 0.3, rss));
        const lastRss = median(window(0.8, 1, rss));
        const report = {
          requests: samples.length,
          rps: Math.round(samples.length / SECONDS),
          p99Ms: { first: Math.round(firstP99), last: Math.round(lastP99) },
          rssMiB: { first: Math.round(firstRss / 2 ** 20), last: Math.round(lastRss / 2 ** 20) },
        };
        console.info(`soak: ${JSON.stringify(report)}`);

        expect(errors.slice(0, 10)).toEqual([]);
        expect(samples.length).toBeGreaterThanOrEqual(SECONDS * RATE_PER_SECOND * 0.95);
        expect(lastP99).toBeLessThanOrEqual(2 * firstP99 + 10);
        expect(lastRss).toBeLessThanOrEqual(1.3 * firstRss);
      },
      (SECONDS + 60) * 1000,
    );
  },
);
