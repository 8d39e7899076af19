// Runs every scenario over every face: a first request to prove the face serves it, an
// unmeasured warm-up, then the measured run with the server's event-loop delay recorded. tRPC and
// REST, which share the server's processes, are measured in ABBA order (paired-faces.ts).
import type { ServerProbe } from './server-probe';
import type { LoadWorker } from './load';
import type { LoadJob, RequestSpec } from './load-spec';
import { ABBA, type HalfRun, PAIRED_FACES, type PairedFace, mergeHalves } from './paired-faces';
import type { ServerProcess } from './processes';
import type { Row } from './results';
import {
  type Face,
  MAX_LIMIT,
  PAGE_LIMIT,
  type Scenario,
  createRequest,
  itemsOf,
  listRequest,
  loginRequest,
  meRequest,
  nextCursorOf,
  scenarios,
} from './scenarios';
import type { BenchSettings } from './settings';
import { warmSessions } from './session-warm';
import { warmUp } from './warm-up';

export interface Target {
  server: ServerProcess | null;
  /** Why there is no server (it failed to build or start). */
  unavailable?: string;
  probe: ServerProbe;
}

export interface RunInputs {
  settings: BenchSettings;
  targets: Record<Face, Target>;
  normalTokens: string[];
  bigTokens: string[];
  emails: string[];
  password: string;
  load: LoadWorker;
  /** A second generator for auth.me alongside the login storm. */
  alongside: LoadWorker;
  log: (message: string) => void;
}

export async function runScenarios(inputs: RunInputs): Promise<Row[]> {
  const { settings } = inputs;
  const rows: Row[] = [];
  const wanted = (s: Scenario) =>
    settings.only.length === 0 || settings.only.some((word) => s.id.includes(word));
  if (settings.serverWarmupSec > 0) {
    // All faces first: the tRPC and REST faces share one process, so each warms the other too.
    for (const face of ['baseline', 'minimal', 'trpc', 'rest'] as const) {
      const server = inputs.targets[face].server;
      if (!server) continue;
      inputs.log(`warming up ${face} for ${settings.serverWarmupSec} s`);
      await warmUp({ ...inputs, ...settings, durationSec: settings.serverWarmupSec }, server, face);
    }
  }
  for (const scenario of scenarios.filter(wanted)) {
    const paired = isPaired(scenario);
    const measured: Row[] = [];
    for (const face of scenario.faces) {
      if (paired && isPairedFace(face)) continue;
      inputs.log(`${scenario.title} / ${face}`);
      measured.push(...(await runOne(inputs, scenario, face)));
    }
    if (paired) {
      inputs.log(`${scenario.title} / ${PAIRED_FACES.join(' and ')}, in ABBA order`);
      measured.push(...(await runPaired(inputs, scenario)));
    }
    const base = measured.find((row) => row.face === 'baseline')?.result;
    for (const row of measured) {
      if (row.scenario === scenario.id && row.face !== 'baseline' && base && row.result)
        row.ratio = row.result.rps / base.rps;
      rows.push(row);
    }
  }
  return rows;
}

const isPairedFace = (face: Face): face is PairedFace =>
  (PAIRED_FACES as readonly Face[]).includes(face);

/** tRPC and REST in ABBA order (paired-faces.ts); not the login storm, whose run is two runs. */
const isPaired = (scenario: Scenario) =>
  scenario.id !== 'login' && PAIRED_FACES.every((face) => scenario.faces.includes(face));

const emptyRow = (scenario: Scenario, face: Face): Row => ({
  scenario: scenario.id,
  title: scenario.title,
  face,
  result: null,
  probe: null,
  ratio: null,
});

const loadJob = (
  inputs: RunInputs,
  server: ServerProcess,
  requests: RequestSpec[],
  durationSec: number,
): LoadJob => ({
  url: server.url,
  connections: inputs.settings.connections,
  durationSec,
  requests,
});

interface ReadyFace {
  target: Target;
  server: ServerProcess;
  requests: RequestSpec[];
}

/** The face's server and requests, after one request was answered right; or the row saying why not. */
async function prepareFace(
  inputs: RunInputs,
  scenario: Scenario,
  face: Face,
): Promise<{ ready: ReadyFace } | { row: Row }> {
  const row = emptyRow(scenario, face);
  const target = inputs.targets[face];
  const server = target.server;
  if (!server) return { row: { ...row, failed: target.unavailable ?? 'not started' } };
  const exited = server.exited();
  if (exited) return { row: { ...row, failed: `${server.name} died during the run (${exited})` } };
  try {
    return {
      ready: { target, server, requests: await requestsFor(inputs, scenario, face, server) },
    };
  } catch (error) {
    return { row: { ...row, ...toSkipOrFailure(face, error) } };
  }
}

/** The unmeasured warm-up before a face's measured load: its sessions, then its requests. */
async function warmFace(inputs: RunInputs, face: Face, { server, requests }: ReadyFace) {
  if (inputs.settings.warmupSec <= 0) return;
  await warmSessions(server.url, face, [...inputs.normalTokens, ...inputs.bigTokens]);
  await inputs.load.run(loadJob(inputs, server, requests, inputs.settings.warmupSec));
}

/** Both faces warmed, then measured half a run at a time in ABBA order, each face's halves merged. */
async function runPaired(inputs: RunInputs, scenario: Scenario): Promise<Row[]> {
  const rows = new Map<PairedFace, Row>();
  const ready = new Map<PairedFace, ReadyFace>();
  for (const face of PAIRED_FACES) {
    const prepared = await prepareFace(inputs, scenario, face);
    if ('row' in prepared) rows.set(face, prepared.row);
    else ready.set(face, prepared.ready);
  }
  for (const [face, measuring] of ready) await warmFace(inputs, face, measuring);
  const halves = new Map<PairedFace, HalfRun[]>();
  for (const face of ABBA) {
    const measuring = ready.get(face);
    if (!measuring) continue;
    await measuring.target.probe.start();
    const { okLatencyMs = [], ...result } = await inputs.load.run({
      ...loadJob(inputs, measuring.server, measuring.requests, inputs.settings.durationSec / 2),
      keepLatencies: true,
    });
    const probe = await measuring.target.probe.stop();
    halves.set(face, [...(halves.get(face) ?? []), { result, okLatencyMs, probe }]);
  }
  return PAIRED_FACES.map((face) => {
    const measured = halves.get(face);
    return measured ? { ...emptyRow(scenario, face), ...mergeHalves(measured) } : rows.get(face)!;
  });
}

async function runOne(inputs: RunInputs, scenario: Scenario, face: Face): Promise<Row[]> {
  const prepared = await prepareFace(inputs, scenario, face);
  if ('row' in prepared) return [prepared.row];
  const { target, server, requests } = prepared.ready;
  const row = emptyRow(scenario, face);
  const job = (specs: RequestSpec[], durationSec: number) =>
    loadJob(inputs, server, specs, durationSec);
  await warmFace(inputs, face, prepared.ready);

  if (scenario.id !== 'login') {
    await target.probe.start();
    const result = await inputs.load.run(job(requests, inputs.settings.durationSec));
    return [{ ...row, result, probe: await target.probe.stop() }];
  }

  // The storm, with a steady trickle of auth.me beside it from a second generator.
  const me = inputs.normalTokens.map((token) => meRequest(face, token));
  await target.probe.start();
  const [storm, alongside] = await Promise.all([
    inputs.load.run(job(requests, inputs.settings.durationSec)),
    inputs.alongside.run({
      ...job(me, inputs.settings.durationSec),
      connections: inputs.settings.alongsideConnections,
      overallRate: inputs.settings.alongsideRate,
    }),
  ]);
  const probe = await target.probe.stop();
  return [
    { ...row, result: storm, probe },
    {
      ...row,
      scenario: 'me-during-login',
      title: 'auth.me during login storm',
      result: alongside,
      probe,
    },
  ];
}

/** The scenario's requests for this face, after one of them has been answered correctly. */
async function requestsFor(
  inputs: RunInputs,
  scenario: Scenario,
  face: Face,
  server: ServerProcess,
): Promise<RequestSpec[]> {
  const { normalTokens, bigTokens } = inputs;
  let requests: RequestSpec[];
  switch (scenario.id) {
    case 'me':
      requests = normalTokens.map((token) => meRequest(face, token));
      break;
    case 'list':
      requests = normalTokens.map((token) => listRequest(face, token));
      break;
    case 'list-10k-first':
      requests = bigTokens.map((token) => listRequest(face, token));
      break;
    case 'list-10k-deep': {
      const cursor = await cursorForPage(
        server,
        face,
        bigTokens[0] ?? '',
        inputs.settings.deepPage,
      );
      requests = bigTokens.map((token) => listRequest(face, token, cursor));
      break;
    }
    case 'create':
      requests = normalTokens.map((token) => createRequest(face, token));
      break;
    case 'login':
      requests = inputs.emails.map((email) => loginRequest(face, email, inputs.password));
      break;
  }
  const first = requests[0];
  if (!first) throw new Error('no requests (nothing seeded?)');
  const body = await send(server, first);
  if (scenario.id.startsWith('list')) checkPage(scenario.id, face, body);
  return requests;
}

/** The first task id of each big-user page, per scenario, from the first face that read it. */
const firstIds = new Map<string, unknown>();

/** Every face must answer the same page, or the comparison is between different work. */
function checkPage(scenario: string, face: Face, body: unknown): void {
  const items = itemsOf(face, body) ?? [];
  // A normal user's page holds all of its tasks; the big user's pages are full.
  if (items.length < (scenario.startsWith('list-10k') ? PAGE_LIMIT : 1)) {
    throw new Error(`expected a page of tasks, got ${JSON.stringify(body).slice(0, 200)}`);
  }
  if (!scenario.startsWith('list-10k')) return;
  const id = (items[0] as { id?: unknown }).id;
  if (!firstIds.has(scenario)) firstIds.set(scenario, id);
  else if (firstIds.get(scenario) !== id) {
    throw new Error(
      `page starts at task ${String(id)}, another face's at ${String(firstIds.get(scenario))}`,
    );
  }
}

/**
 * The cursor that starts `page` (of PAGE_LIMIT rows) of the big user's list, fetched once before
 * load. Keyset cursors name a row, not a page size, so the walk takes the largest pages allowed.
 */
async function cursorForPage(
  server: ServerProcess,
  face: Face,
  token: string,
  page: number,
): Promise<string> {
  const skip = (page - 1) * PAGE_LIMIT;
  let cursor: string | null = null;
  for (let skipped = 0; skipped < skip; skipped += MAX_LIMIT) {
    const limit = Math.min(MAX_LIMIT, skip - skipped);
    cursor = nextCursorOf(face, await send(server, listRequest(face, token, cursor, limit)));
    if (!cursor) throw new Error(`the list ended before page ${page}`);
  }
  if (!cursor) throw new Error('deep page must be > 1');
  return cursor;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
  }
}

async function send(server: ServerProcess, spec: RequestSpec): Promise<unknown> {
  const res = await fetch(server.url + spec.path, {
    method: spec.method,
    headers: spec.headers,
    ...(spec.body === undefined ? {} : { body: spec.body }),
  });
  const text = await res.text();
  if (res.status < 200 || res.status > 299) throw new HttpError(res.status, text);
  return JSON.parse(text) as unknown;
}

/** A REST route answering 404 is a mirror not built yet: skipped, not failed. */
function toSkipOrFailure(face: Face, error: unknown): Pick<Row, 'skipped' | 'failed'> {
  if (face === 'rest' && error instanceof HttpError && error.status === 404) {
    return { skipped: 'not served (404)' };
  }
  return {
    failed: `first request failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}
