// A recurrence rule in words and its next dates, computed as the server does (rrule, DTSTART at
// the task's due date; COUNT counts the occurrences left including this task).
import {
  RRule,
  parseRecurrenceRule,
  recurrenceRuleParts,
  recurrenceRuleProblem,
} from '@repo/validators';

/** "every week on Monday, Wednesday"; null for a rule the server would refuse. */
export function describeRecurrence(rule: string): string | null {
  if (recurrenceRuleProblem(rule)) return null;
  const parts = recurrenceRuleParts(rule);
  if (typeof parts === 'string') return null;
  return new RRule(parseRecurrenceRule(parts)).toText();
}

/** The next `count` due dates after `anchor` (the due date, or now for a task without one). */
export function nextOccurrences(rule: string, anchor: Date, count = 3): Date[] {
  if (recurrenceRuleProblem(rule)) return [];
  const parts = recurrenceRuleParts(rule);
  if (typeof parts === 'string') return [];
  const remaining = parts.has('COUNT') ? Number(parts.get('COUNT')) - 1 : count;
  const recurrence = new RRule({ ...parseRecurrenceRule(parts), count: null, dtstart: anchor });
  const dates: Date[] = [];
  for (let after = anchor; dates.length < Math.min(count, remaining);) {
    const next = recurrence.after(after, false);
    if (!next) break;
    dates.push(next);
    after = next;
  }
  return dates;
}

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdays)[number];

/** What the editor's recurrence builder edits; `buildRecurrenceRule` turns it into an RRULE. */
export interface RecurrenceChoice {
  frequency: Frequency;
  interval: number;
  /** WEEKLY only; empty means the due date's weekday. */
  byDay: Weekday[];
  /** Stop after this many occurrences (null: forever). */
  count: number | null;
}

export function buildRecurrenceRule(choice: RecurrenceChoice): string {
  const parts = [`FREQ=${choice.frequency}`];
  if (choice.interval > 1) parts.push(`INTERVAL=${choice.interval}`);
  if (choice.frequency === 'WEEKLY' && choice.byDay.length > 0) {
    parts.push(`BYDAY=${weekdays.filter((day) => choice.byDay.includes(day)).join(',')}`);
  }
  if (choice.count !== null) parts.push(`COUNT=${choice.count}`);
  return parts.join(';');
}

/** The builder's view of a stored rule, or null when the builder cannot show it (edit as text). */
export function parseRecurrenceChoice(rule: string): RecurrenceChoice | null {
  const parts = recurrenceRuleParts(rule);
  if (typeof parts === 'string') return null;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT']);
  if ([...parts.keys()].some((name) => !known.has(name))) return null;
  const frequency = parts.get('FREQ') as Frequency | undefined;
  if (!frequency || !['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(frequency)) return null;
  const byDay = (parts.get('BYDAY')?.split(',') ?? []) as Weekday[];
  if (byDay.some((day) => !weekdays.includes(day)) || (byDay.length > 0 && frequency !== 'WEEKLY'))
    return null;
  return {
    frequency,
    interval: Number(parts.get('INTERVAL') ?? 1),
    byDay,
    count: parts.has('COUNT') ? Number(parts.get('COUNT')) : null,
  };
}
