// The printed table, the PASS/MISS lines, and the JSON record of a run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Row, cpuPerRequest, failures } from './results';
import type { TargetCheck } from './targets';

const FACE = { baseline: 'baseline', minimal: 'raw min', trpc: 'tRPC', rest: 'REST' } as const;

export function formatTable(rows: Row[]): string {
  const header = [
    'scenario',
    'face',
    'rps',
    'p50 ms',
    'p99 ms',
    'errors',
    'timeouts',
    'loop p99',
    'cpu ms/req',
    'vs baseline',
  ];
  const nameOf = (row: Row) =>
    row.scenario === 'me-during-login' ? '  auth.me during storm' : row.title;
  const cellsOf = (row: Row): string[] => {
    const r = row.result;
    if (!r) return [nameOf(row), FACE[row.face]];
    return [
      nameOf(row),
      FACE[row.face],
      r.rps.toFixed(0),
      String(r.latencyMs.p50),
      String(r.latencyMs.p99),
      String(failures(row)),
      String(r.timeouts),
      row.probe ? `${row.probe.loopP99.toFixed(1)} ms` : '-',
      cpuPerRequest(row)?.toFixed(2) ?? '-',
      row.ratio === null ? '-' : `${row.ratio.toFixed(2)}x`,
    ];
  };
  const lines = rows.map(cellsOf);
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...all.map((cells) => (cells[i] ?? '').length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    render(header),
    rule,
    // A row without figures says why instead.
    ...rows.map(
      (row, i) =>
        render(lines[i] ?? []) +
        (row.result ? '' : `  ${clip(row.skipped ?? row.failed ?? 'not run')}`),
    ),
  ]
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Keeps a failure's reason to one readable line; the JSON has it whole. */
const clip = (text: string, max = 110) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function formatTargets(checks: TargetCheck[]): string {
  const label = (pass: boolean | null) => (pass === null ? 'N/A ' : pass ? 'PASS' : 'MISS');
  return checks.map((c) => `${label(c.pass)}  ${c.target}: ${clip(c.detail, 160)}`).join('\n');
}

export function writeJson(dir: string, startedAt: Date, record: unknown): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
