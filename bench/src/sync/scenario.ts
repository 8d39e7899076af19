// The sync scenario: two API instances (one process each) on the bench database, every user's
// streams split across both, writes at a fixed rate alternating between the instances. Measures
// write-to-delivery latency on the other instance, losses, duplicates, RSS per idle stream and
// server CPU per delivered event.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { ServerProcess } from '../processes';
import { ServerProbe } from '../server-probe';
import { startApi } from '../servers';
import type { BenchSettings } from '../settings';
import type { TokenConfig } from '../tokens';
import { rssKb } from './proc-memory';
import { type SyncShape, syncShape } from './shape';
import { type ResumingStream, openSyncStream, resumingSyncStream } from './sse-stream';
import {
  type StreamRecord,
  type SyncTally,
  type WriteRecord,
  allArrived,
  receive,
  syncTitle,
  tally,
} from './tally';

export interface SyncInputs {
  settings: BenchSettings;
  databaseUrl: string;
  tokens: TokenConfig;
  /** Seeded users, in order, and an access token for each. */
  userIds: string[];
  accessTokens: string[];
  log: (message: string) => void;
  /** Where the instances write V8 CPU profiles (--cpu-prof); none without it. */
  profileDir?: string;
}

export interface SyncResult extends SyncTally {
  shape: SyncShape;
  streams: number;
  writes: number;
  writeErrors: number;
  /** The first few refused writes' status and body, to tell why. */
  writeErrorSamples: string[];
  /** Writes sent per second, as achieved (the target is shape.writesPerSec). */
  writeRate: number;
  /** The first few ways streams were ended by the server (each then reconnected). */
  streamErrors: string[];
  /** Reconnects, with the last id received, after the server ended or failed a stream. */
  reconnects: number;
  /** (RSS with every stream open and idle - RSS before) / streams, both instances. */
  rssPerStreamKb: number | null;
  /** Both instances' CPU time over the write phase / events delivered. */
  cpuMsPerEvent: number | null;
  /** Event-loop delay p99 over the write phase, ms: the worse instance, and this process. */
  loopP99Ms: { server: number | null; bench: number };
}

export async function runSyncScenario(inputs: SyncInputs): Promise<SyncResult> {
  const shape = syncShape(inputs.settings);
  const users = inputs.userIds.slice(0, shape.users);
  const tasks = await oneTaskEach(inputs.databaseUrl, users);
  const probes = [new ServerProbe(), new ServerProbe()];
  const servers: ServerProcess[] = [];
  const streams: ResumingStream[] = [];
  try {
    for (const probe of probes) {
      // One process per instance: "the other instance" is then a separate process and pool.
      const settings = { ...inputs.settings, workers: 1 };
      const profile = inputs.profileDir
        ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${inputs.profileDir}`] }
        : {};
      servers.push(
        await startApi({
          settings,
          databaseUrl: inputs.databaseUrl,
          tokens: inputs.tokens,
          probe,
          ...profile,
        }),
      );
    }
    inputs.log(`sync: instances at ${servers.map((s) => s.url).join(' and ')}`);
    const send = (via: number, user: number, title: string) =>
      update(servers[via]!.url, inputs.accessTokens[user]!, tasks[user]!, title, writeErrorSamples);
    const writeErrorSamples: string[] = [];
    // Warm-up, unmeasured: a fresh process's first streams and writes pay for JIT and pool
    // connections, which RSS per stream must not include. One stream per user, then closed.
    // Every stream starts at its user's head: replaying what earlier scenarios wrote (task.create
    // leaves tens of events per user) would leave garbage the RSS reading counts as streams'.
    const warmFrom = await headEventIds(inputs.databaseUrl, users);
    const warm = users.map((_, user) =>
      openSyncStream(servers[user % 2]!.url, inputs.accessTokens[user]!, warmFrom[user]!, {
        onEvent: () => {},
        onError: () => {},
      }),
    );
    await Promise.all(warm.map((s) => s.connected));
    await writeAtRate(shape.writesPerSec, shape.warmupSec, (seq) =>
      send(seq % 2, seq % users.length, `warm ${seq}`).then(() => {}),
    );
    for (const stream of warm) stream.close();
    await sleep(shape.idleMs);
    const rssBefore = servers.map((s) => rssKb(s.child.pid));
    const from = await headEventIds(inputs.databaseUrl, users);

    const records: StreamRecord[] = [];
    const streamErrors: string[] = [];
    for (let user = 0; user < users.length; user++) {
      for (let k = 0; k < shape.streamsPerUser; k++) {
        const record: StreamRecord = {
          user,
          instance: k % 2,
          ids: new Set(),
          arrived: new Map(),
          duplicates: 0,
        };
        records.push(record);
        streams.push(
          resumingSyncStream(
            servers[record.instance]!.url,
            inputs.accessTokens[user]!,
            from[user]!,
            {
              onEvent: (id, data) => receive(record, id, data, performance.now()),
              onError: (error) => streamErrors.push(error),
            },
          ),
        );
      }
    }
    await Promise.all(streams.map((s) => s.connected));
    inputs.log(`sync: ${streams.length} streams open; idle ${shape.idleMs} ms`);
    await sleep(shape.idleMs);
    const rssAfter = servers.map((s) => rssKb(s.child.pid));

    await Promise.all(probes.map((p) => p.start()));
    // This process both writes and reads every stream: its own delay is in every latency.
    const benchLoop = monitorEventLoopDelay({ resolution: 10 });
    benchLoop.enable();
    const writes: WriteRecord[] = [];
    const { started, finished } = await writeAtRate(
      shape.writesPerSec,
      shape.durationSec,
      (seq) => {
        const write: WriteRecord = {
          user: seq % users.length,
          via: seq % 2,
          sentAt: performance.now(),
          doneAt: 0,
          ok: false,
        };
        writes.push(write);
        return send(write.via, write.user, syncTitle(seq)).then((ok) => {
          write.ok = ok;
          write.doneAt = performance.now();
        });
      },
    );
    const writeRate = writes.length / ((finished - started) / 1000);
    const drainUntil = performance.now() + shape.drainMs;
    while (!allArrived(writes, records) && performance.now() < drainUntil) await sleep(20);
    benchLoop.disable();
    const cpu = await Promise.all(probes.map((p) => p.stop()));

    // A refused write is the server's failure: its log says why.
    for (const server of writeErrorSamples.length > 0 ? servers : [])
      inputs.log(`sync: ${server.url} said:\n${server.output().slice(-3000)}`);
    const result = tally(writes, records);
    const cpuMs = cpu.every((r) => r) ? cpu.reduce((sum, r) => sum + r!.cpuMs, 0) : null;
    const rssDelta = rssGrowth(rssBefore, rssAfter);
    return {
      ...result,
      shape,
      streams: records.length,
      writes: writes.length,
      writeErrors: writes.filter((w) => !w.ok).length,
      writeRate,
      writeErrorSamples: writeErrorSamples.slice(0, 5),
      streamErrors: streamErrors.slice(0, 10),
      reconnects: streams.reduce((sum, s) => sum + s.reconnects, 0),
      rssPerStreamKb: rssDelta === null ? null : rssDelta / records.length,
      cpuMsPerEvent: cpuMs === null || result.delivered === 0 ? null : cpuMs / result.delivered,
      loopP99Ms: {
        server: cpu.every((r) => r) ? Math.max(...cpu.map((r) => r!.loopP99)) : null,
        bench: benchLoop.percentile(99) / 1e6,
      },
    };
  } finally {
    for (const stream of streams) stream.close();
    await Promise.all(servers.map((s) => s.stop()));
    for (const probe of probes) probe.close();
  }
}

/** Both instances' RSS growth in KB; null when a reading is missing. */
function rssGrowth(before: (number | null)[], after: (number | null)[]): number | null {
  let sum = 0;
  for (const [i, now] of after.entries()) {
    const then = before[i];
    if (now === null || then === null || then === undefined) return null;
    sum += now - then;
  }
  return sum;
}

/** The id of one task per user (the seed gives every user some). */
async function oneTaskEach(databaseUrl: string, userIds: string[]): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ userId: string; id: number }>(
      `SELECT DISTINCT ON ("userId") "userId", id FROM "Task" WHERE "userId" = ANY($1::uuid[]) ORDER BY "userId", id`,
      [userIds],
    );
    const byUser = new Map(rows.map((row) => [row.userId, row.id]));
    return userIds.map((id) => {
      const task = byUser.get(id);
      if (task === undefined) throw new Error(`sync: seeded user ${id} has no task`);
      return task;
    });
  } finally {
    await client.end();
  }
}

/** Each user's newest live-sync event id now ('0' before their first change). */
async function headEventIds(databaseUrl: string, userIds: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ userId: string; head: string }>(
      `SELECT "userId", "lastEventId"::text AS head FROM "SyncCursor" WHERE "userId" = ANY($1::uuid[])`,
      [userIds],
    );
    const byUser = new Map(rows.map((row) => [row.userId, row.head]));
    return userIds.map((id) => byUser.get(id) ?? '0');
  } finally {
    await client.end();
  }
}

/** Calls `write(seq)` `perSec` times a second for `seconds`; resolves once all have settled. */
async function writeAtRate(perSec: number, seconds: number, write: (seq: number) => Promise<void>) {
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let seq = 0; seq < perSec * seconds; seq++) {
    const wait = started + (seq * 1000) / perSec - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(write(seq));
  }
  const finished = performance.now();
  await Promise.all(pending);
  return { started, finished };
}

/** task.update over tRPC; true on 200, else the reason goes to `errors`. */
async function update(
  baseUrl: string,
  token: string,
  id: number,
  title: string,
  errors: string[],
): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/trpc/task.update`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ json: { id, title } }),
    });
    const body = await res.text();
    if (res.status !== 200) errors.push(`${res.status} ${body.slice(0, 200)}`);
    return res.status === 200;
  } catch (error) {
    errors.push(String(error));
    return false;
  }
}
