// Issue 7's targets, checked against one run's rows. null = could not be measured in this run.
import { type Row, cpuPerRequest, failures, findRow } from './results';
import { type Face, SERVER_FACES } from './scenarios';

export interface TargetCheck {
  target: string;
  pass: boolean | null;
  detail: string;
}

export interface TargetInputs {
  rows: Row[];
  /** Median argon2id verification time in the bench process, ms. */
  hashMs: number;
  cores: number;
  /** WEB_CONCURRENCY the API was started with. */
  workers: number;
}

export const FACE_NAME: Record<Face, string> = {
  baseline: 'baseline',
  minimal: 'minimal baseline',
  trpc: 'tRPC',
  rest: 'REST',
};
const fmt = (n: number, digits = 2) => n.toFixed(digits);

export function checkTargets({ rows, hashMs, cores, workers }: TargetInputs): TargetCheck[] {
  const checks: TargetCheck[] = [];

  // Not a target of the issue but a premise of all of them: the API really ran N processes.
  const probed = rows.find((row) => SERVER_FACES.includes(row.face) && row.probe)?.probe;
  checks.push({
    target: `server processes: ${workers} (WEB_CONCURRENCY)`,
    pass: probed ? probed.workers === workers : null,
    detail: probed ? `${probed.workers} seen by the event-loop probe` : 'not measured',
  });

  const ratioAtLeast = (scenario: string, face: Face, min: number, label: string) => {
    const row = findRow(rows, scenario, face);
    const target = `${label} over ${FACE_NAME[face]} >= ${fmt(min)}x baseline rps`;
    if (!row || row.ratio === null)
      checks.push({ target, pass: null, detail: notMeasured(rows, scenario, face) });
    else
      checks.push({
        target,
        pass: row.ratio >= min,
        detail: `${fmt(row.ratio)}x${cpuVsBaseline(rows, row)}`,
      });
  };
  ratioAtLeast('list', 'rest', 0.6, 'task.list (normal user)');
  ratioAtLeast('create', 'rest', 0.6, 'task.create');
  for (const face of SERVER_FACES) ratioAtLeast('me', face, 0.5, 'auth.me');

  for (const face of SERVER_FACES) {
    const normal = findRow(rows, 'list', face)?.result;
    for (const page of ['list-10k-first', 'list-10k-deep']) {
      const big = findRow(rows, page, face)?.result;
      const target = `${page} p99 <= 1.5x normal-user p99 over ${FACE_NAME[face]}`;
      if (!normal || !big)
        checks.push({ target, pass: null, detail: notMeasured(rows, page, face) });
      else {
        const ratio = big.latencyMs.p99 / normal.latencyMs.p99;
        checks.push({
          target,
          pass: ratio <= 1.5,
          detail: `${big.latencyMs.p99} ms vs ${normal.latencyMs.p99} ms = ${fmt(ratio)}x`,
        });
      }
    }
  }

  const ceiling = (cores * 1000) / hashMs;
  for (const face of SERVER_FACES) {
    const storm = findRow(rows, 'login', face);
    const me = findRow(rows, 'me-during-login', face)?.result;
    const name = `login storm over ${FACE_NAME[face]}`;
    if (!storm?.result) {
      checks.push({
        target: `${name}: logins/s >= 80% of ${cores} / hash time`,
        pass: null,
        detail: notMeasured(rows, 'login', face),
      });
      continue;
    }
    const logins = storm.result.ok / storm.result.durationSec;
    checks.push({
      target: `${name}: logins/s >= 80% of ${cores} cores / ${fmt(hashMs, 1)} ms hash`,
      pass: logins >= 0.8 * ceiling,
      detail:
        `${fmt(logins, 0)}/s of ${fmt(ceiling, 0)}/s = ${fmt((100 * logins) / ceiling, 0)}%` +
        (storm.probe
          ? `; server CPU ${fmt(storm.probe.cpuMs / storm.result.requests, 1)} ms a login`
          : ''),
    });
    checks.push(
      me
        ? {
            target: `${name}: auth.me p99 < 20 ms meanwhile`,
            pass: me.latencyMs.p99 < 20,
            detail: `${me.latencyMs.p99} ms`,
          }
        : { target: `${name}: auth.me p99 < 20 ms meanwhile`, pass: null, detail: 'not measured' },
    );
    checks.push(
      storm.probe
        ? {
            target: `${name}: event-loop delay p99 < 20 ms`,
            pass: storm.probe.loopP99 < 20,
            detail: `${fmt(storm.probe.loopP99, 1)} ms (worst of ${storm.probe.workers} workers)`,
          }
        : {
            target: `${name}: event-loop delay p99 < 20 ms`,
            pass: null,
            detail: 'not measured (no probe output)',
          },
    );
  }

  const measured = rows.filter((row) => row.result || row.failed);
  const failing = measured.filter((row) => failures(row) > 0 || (row.result?.timeouts ?? 0) > 0);
  checks.push({
    target: 'no errors, no timeouts',
    pass: failing.length === 0,
    detail:
      failing.length === 0
        ? `${measured.length} runs`
        : failing.map((row) => `${row.scenario}/${row.face}: ${describeFailures(row)}`).join('; '),
  });
  return checks;
}

/** Why a ratio is what it is: the server's CPU per request next to the baseline's. */
function cpuVsBaseline(rows: Row[], row: Row): string {
  const base = rows.find((r) => r.scenario === row.scenario && r.face === 'baseline');
  const mine = cpuPerRequest(row);
  const theirs = base && cpuPerRequest(base);
  if (!mine || !theirs) return '';
  return `; CPU ${fmt(mine)} vs ${fmt(theirs)} ms a request (${fmt(mine / theirs, 1)}x)`;
}

export function describeFailures(row: Row): string {
  if (row.failed) return row.failed;
  const r = row.result;
  if (!r) return 'no result';
  const codes = Object.entries(r.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, count]) => `${count}x ${code}`);
  return [`${r.errors} errors`, `${r.timeouts} timeouts`, ...codes].join(', ');
}

function notMeasured(rows: Row[], scenario: string, face: Face): string {
  const row = rows.find((r) => r.scenario === scenario && r.face === face);
  return `not measured: ${row?.skipped ?? row?.failed ?? 'not run'}`;
}
