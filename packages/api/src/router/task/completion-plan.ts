// Completing a recurring task creates its next occurrence. The rule search is CPU work on the
// event loop (bounded, but milliseconds for rules that rarely match), so it runs before the
// completing transaction opens: a transaction holds a pooled connection and the task's row lock
// for as long as it lasts. Inside it the plan is only checked against the locked row; if the
// rule or due date changed in between, the transaction is abandoned and planned again.
import type { PrismaClient } from '@repo/db';
import { AppError } from '../../errors';
import { type Occurrence, nextOccurrence } from './recurrence';

/** What the next occurrence depends on. */
export interface RecurrenceBasis {
  recurrenceRule: string | null;
  dueDate: Date | null;
}

export interface CompletionPlan {
  basis: RecurrenceBasis;
  next: Occurrence | null;
}

/** A task without a due date anchors its rule at the moment it is completed. */
export function planCompletion(basis: RecurrenceBasis, now: Date): CompletionPlan {
  const { recurrenceRule, dueDate } = basis;
  return { basis, next: recurrenceRule ? nextOccurrence(recurrenceRule, dueDate ?? now) : null };
}

/** The caller's task as it is now, unlocked; null when absent (the transaction answers 404). */
export function readBasis(
  prisma: PrismaClient,
  userId: string,
  id: number,
): Promise<RecurrenceBasis | null> {
  return prisma.task.findFirst({
    where: { id, userId },
    select: { recurrenceRule: true, dueDate: true },
  });
}

/** Thrown inside the transaction when the locked row no longer matches the plan. */
class StalePlan extends Error {
  constructor(readonly basis: RecurrenceBasis) {
    super('The task changed between planning its completion and locking it');
  }
}

/** The plan's next occurrence for the locked, written row; throws StalePlan when it moved. */
export function nextFor(plan: CompletionPlan | null, row: RecurrenceBasis): Occurrence | null {
  if (
    plan === null ||
    row.recurrenceRule !== plan.basis.recurrenceRule ||
    row.dueDate?.getTime() !== plan.basis.dueDate?.getTime()
  ) {
    throw new StalePlan({ recurrenceRule: row.recurrenceRule, dueDate: row.dueDate });
  }
  return plan.next;
}

const ATTEMPTS = 3;

/**
 * Runs `write` (one transaction) with a plan, planning again from what the transaction saw when
 * it was stale. Only a task edited again and again while it is being completed runs out of
 * attempts: CONFLICT, and nothing was written.
 */
export async function withCompletionPlan<T>(
  basis: RecurrenceBasis | null,
  now: Date,
  write: (plan: CompletionPlan | null) => Promise<T>,
): Promise<T> {
  let plan = basis && planCompletion(basis, now);
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(plan);
    } catch (error) {
      if (!(error instanceof StalePlan)) throw error;
      if (attempt === ATTEMPTS) {
        throw new AppError('CONFLICT', 'The task kept changing while it was being completed');
      }
      plan = planCompletion(error.basis, now);
    }
  }
}
