// Table-driven isolation tests: user B calls every procedure of a router with user A's ids and
// must get NOT_FOUND (never FORBIDDEN, never A's data), with A's rows exactly as they were.
// Shared by the task, tag and asset tests.
import { expect, it } from 'vitest';
import { AppError } from '../errors';
import { appRouter } from '../root';
import type { Caller } from './caller';

export interface IsolationCase<Ids> {
  /** The procedure's path, e.g. 'task.update'. */
  procedure: string;
  /** A variant's name when one procedure has several cases (e.g. 'with A\'s tag ids'). */
  variant?: string;
  /** Calls the procedure as the intruder, with the owner's ids. */
  call: (intruder: Caller, ids: Ids) => Promise<unknown>;
  /**
   * For calls that take no foreign row id (a list): checks the answer shows none of the
   * owner's rows, instead of expecting NOT_FOUND.
   */
  expectResult?: (result: unknown) => void;
}

export interface IsolationFixture<Ids> {
  intruder: Caller;
  /** The owner's ids the intruder tries. */
  ids: Ids;
  /** Everything a leak could change (the owner's rows, row counts), compared before/after. */
  snapshot: () => Promise<unknown>;
}

/** Asserts one case: NOT_FOUND (or `expectResult`) and an unchanged snapshot. */
export async function expectIsolated<Ids>(
  fixture: IsolationFixture<Ids>,
  isolationCase: IsolationCase<Ids>,
): Promise<void> {
  const before = await fixture.snapshot();
  const outcome = await isolationCase.call(fixture.intruder, fixture.ids).then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (isolationCase.expectResult) {
    if (!outcome.ok) throw outcome.error;
    isolationCase.expectResult(outcome.result);
  } else {
    expect(outcome.ok, `${isolationCase.procedure} succeeded for another user's ids`).toBe(false);
    const error = outcome.ok ? undefined : outcome.error;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).appCode).toBe('NOT_FOUND');
  }
  expect(await fixture.snapshot()).toEqual(before);
}

/** The procedure paths of one router of appRouter, e.g. routerProcedures('task'). */
export const routerProcedures = (name: string): string[] =>
  Object.keys(appRouter._def.procedures).filter((path) => path.startsWith(`${name}.`));

/**
 * Registers one test per case, plus one proving every procedure of `routers` has a case, so a
 * procedure added later cannot skip the table. `fixture` is read when the tests run (after
 * beforeAll has created the owner's rows).
 */
export function itIsolates<Ids>(
  routers: string[],
  cases: IsolationCase<Ids>[],
  fixture: () => IsolationFixture<Ids>,
): void {
  it(`has an isolation case for every procedure of ${routers.join(', ')}`, () => {
    const covered = new Set(cases.map((c) => c.procedure));
    const missing = routers.flatMap(routerProcedures).filter((path) => !covered.has(path));
    expect(missing).toEqual([]);
  });

  const named = cases.map((c) => ({
    ...c,
    name: c.variant ? `${c.procedure} ${c.variant}` : c.procedure,
  }));
  it.each(named)("$name with another user's ids: NOT_FOUND, nothing changed", (isolationCase) =>
    expectIsolated(fixture(), isolationCase),
  );
}
