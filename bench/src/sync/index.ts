// The sync scenario's hook into the bench run (src/run.ts): run it unless --only leaves it out,
// print its lines, and say whether it broke the quick run.
import type { BenchSettings } from '../settings';
import { formatSync, syncFailure, syncTargets } from './report';
import { type SyncInputs, type SyncResult, runSyncScenario } from './scenario';
import { wantsSync } from './shape';

export type SyncOutcome = { result: SyncResult } | { error: string } | null;

export async function runSync(inputs: SyncInputs & { serverBuilt: boolean }): Promise<SyncOutcome> {
  if (!wantsSync(inputs.settings)) return null;
  if (!inputs.serverBuilt) return { error: 'server did not start' };
  inputs.log('sync.events fan-out across 2 instances');
  try {
    return { result: await runSyncScenario(inputs) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Prints the outcome; returns why it failed (lost, duplicated, refused, crashed), or null. */
export function printSync(outcome: SyncOutcome, settings: BenchSettings): string | null {
  if (!outcome) return null;
  if ('error' in outcome) {
    console.log(`sync.events: not measured (${outcome.error})\n`);
    return outcome.error;
  }
  console.log(`${formatSync(outcome.result)}\n`);
  if (settings.mode === 'full') console.log(`${syncTargets(outcome.result)}\n`);
  return syncFailure(outcome.result);
}
