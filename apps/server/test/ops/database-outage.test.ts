// Database outage under load, reproduced by terminating the server's PostgreSQL backends
// (pg_terminate_backend) again and again while clients write: no answer may be a 500, every
// acknowledged write must be there afterwards, the server recovers without a restart, and the
// log holds a bounded number of lines however many requests were refused.
import { Writable } from 'node:stream';
import { testDatabaseUrl } from '@repo/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { rest, registerRest } from '../helpers/rest-http';
import { type TestServer, startTestServer } from '../helpers/test-server';

describe.runIf(testDatabaseUrl)('database outage (PostgreSQL)', () => {
  let server: TestServer;
  const lines: { msg: string; level: number }[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as { msg: string; level: number });
        done();
      },
    });
    server = await startTestServer({
      engine: 'postgres',
      logger: createLogger({ logLevel: 'warn' }, sink),
    });
  });
  afterAll(() => server.close());

  it('answers 503, never 500, loses no acknowledged write, and recovers', async () => {
    const user = await registerRest(server.url);
    const databaseName = new URL(server.db.url ?? '').pathname.slice(1);
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let stop = false;

    const writer = async (w: number) => {
      for (let i = 0; !stop && i < 400; i++) {
        const title = `w${w}-${i}`;
        const res = await rest<{ id: string }>(server.url, 'POST', '/api/tasks', {
          token: user.accessToken,
          body: { title },
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) acknowledged.push(title);
        else expect(JSON.parse(res.text)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    let terminated = 0;
    for (let round = 0; round < 15; round++) {
      const { rows } = await admin.query<{ killed: boolean }>(
        'SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [databaseName],
      );
      terminated += rows.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    stop = true;
    await Promise.all(writers);
    await admin.end();

    expect(terminated).toBeGreaterThan(0);
    expect([...statuses.keys()].sort()).toEqual(
      statuses.has(503) ? [201, 503] : [201], // 201 always; 503 only when a kill hit a query
    );
    // Recovered without a restart: a fresh write and a full read succeed.
    const after = await rest(server.url, 'POST', '/api/tasks', {
      token: user.accessToken,
      body: { title: 'after' },
    });
    expect(after.status).toBe(201);
    const titles = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await rest<{ items: { title: string }[]; nextCursor: string | null }>(
        server.url,
        'GET',
        `/api/tasks?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { token: user.accessToken },
      );
      expect(page.status).toBe(200);
      for (const item of page.body.items) titles.add(item.title);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(acknowledged.filter((t) => !titles.has(t))).toEqual([]);
    // One line when the outage starts, not one per refused request.
    const refused = statuses.get(503) ?? 0;
    const outageLines = lines.filter((l) => /database/i.test(l.msg));
    expect(
      lines.filter((l) => l.msg === 'procedure failed' || l.msg === 'REST request failed'),
    ).toEqual([]);
    if (refused > 0) expect(outageLines.length).toBeLessThanOrEqual(2 * 15);
  }, 60_000);
});
