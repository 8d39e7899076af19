// The next occurrence of a recurring task. Rules follow RFC 5545 with DTSTART anchored at the
// task's due date (or, for a task without one, the moment it was completed); see README.md.
import { RRule, parseRecurrenceRule, recurrenceRuleParts } from '@repo/validators';

export interface Occurrence {
  dueDate: Date;
  /** The rule the next task carries: the same, with COUNT one lower when it has one. */
  recurrenceRule: string;
}

/** rrule's last year: past it, its iterator stops. */
const LAST_YEAR = 9999;
/** Occurrences further than this from the anchor may be missed (treated as none). */
const HORIZON_YEARS = 100;
/**
 * The Gregorian calendar repeats every 400 years to the weekday (146,097 days = 20,871 weeks),
 * so moving a rule and its anchor by a multiple of 400 years moves every occurrence with them.
 */
const CYCLE_YEARS = 400;

/**
 * The first occurrence strictly after `anchor`, or null when the rule is exhausted.
 *
 * COUNT counts the occurrences left including this task: COUNT=3 yields a task with COUNT=2,
 * then COUNT=1, then none. A rule that never matches again makes rrule scan every period up to
 * year 9999 (seconds for a MONTHLY rule from today); the search runs instead on a copy moved to
 * the last cycles before 9999, which bounds it to at most 500 years of periods.
 */
export function nextOccurrence(rule: string, anchor: Date): Occurrence | null {
  const parts = recurrenceRuleParts(rule);
  if (typeof parts === 'string') return null; // stored rules were validated on the way in
  const count = parts.get('COUNT');
  if (count === '1') return null;

  const options = parseRecurrenceRule(parts);
  const shift = cycleShift(anchor);
  const start = addYears(anchor, shift);
  const next = new RRule({
    ...options,
    count: null, // counted by us, per task, not over the series
    dtstart: start,
    until: options.until ? addYears(options.until, shift) : null,
  }).after(start, false);
  if (!next) return null;
  return {
    dueDate: addYears(next, -shift),
    recurrenceRule: count
      ? rule.replace(/(COUNT=)\d+/i, (_, name: string) => `${name}${Number(count) - 1}`)
      : rule,
  };
}

function cycleShift(anchor: Date): number {
  const cycles = Math.floor((LAST_YEAR - HORIZON_YEARS - anchor.getUTCFullYear()) / CYCLE_YEARS);
  return Math.max(0, cycles) * CYCLE_YEARS;
}

function addYears(date: Date, years: number): Date {
  const moved = new Date(date);
  moved.setUTCFullYear(date.getUTCFullYear() + years);
  return moved;
}
