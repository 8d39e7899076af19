// Task recurrence rules: RFC 5545 RRULE values (without DTSTART: a task's due date anchors its
// rule), parsed by the rrule library, in the subset a task manager needs. rrule accepts much
// that RFC 5545 does not (FREQ=FOO, COUNT=abc, BYDAY=XX), so every part is checked here first.
import * as rruleModule from 'rrule';

// rrule 2.8 ships its ES module build only under "module" (no "exports"): bundlers and vitest
// see named exports, while Node's own ESM loader gets the UMD "main", whose exports sit on
// `default`.
const rrule = (rruleModule as { default?: typeof rruleModule }).default ?? rruleModule;
export const RRule = rrule.RRule;

const WEEKDAY = '(SU|MO|TU|WE|TH|FR|SA)';
const list = (item: string) => new RegExp(`^${item}(,${item})*$`);
const signed = (max: string) => `[+-]?(${max})`;

// Values per RFC 5545 3.3.10; BYDAY ordinals are limited per FREQ below.
const partSyntax: Record<string, RegExp> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  COUNT: /^[1-9]\d{0,2}$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
  BYDAY: list(`(${signed('[1-9]|[1-4]\\d|5[0-3]')})?${WEEKDAY}`),
  BYMONTHDAY: list(signed('[1-9]|[12]\\d|3[01]')),
  BYMONTH: list('([1-9]|1[0-2])'),
  BYSETPOS: list(signed('[1-9]|[1-9]\\d|[12]\\d\\d|3[0-5]\\d|36[0-6]')),
  WKST: new RegExp(`^${WEEKDAY}$`),
};

/**
 * Parts allowed per FREQ. Time-of-day parts (BYHOUR...) are left out: the due date's time is
 * the occurrence's time. The limits also keep every DAILY or WEEKLY rule satisfiable within a
 * few periods, so finding the next occurrence never scans years of non-matching days.
 */
const allowedParts: Record<string, string[]> = {
  DAILY: ['BYDAY'],
  WEEKLY: ['BYDAY', 'WKST'],
  MONTHLY: ['BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST'],
  YEARLY: ['BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST'],
};

/** Splits `[RRULE:]NAME=VALUE;...` into upper-cased parts, or explains why it cannot. */
export function recurrenceRuleParts(rule: string): Map<string, string> | string {
  const body = rule.trim().replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const match = /^([A-Za-z]+)=([^;=]+)$/.exec(part);
    if (!match) return `"${part}" is not NAME=VALUE`;
    const name = match[1]!.toUpperCase();
    if (parts.has(name)) return `${name} appears twice`;
    parts.set(name, match[2]!.toUpperCase());
  }
  return parts;
}

/** Why `rule` is not an acceptable task recurrence rule, or null when it is. */
export function recurrenceRuleProblem(rule: string): string | null {
  const parts = recurrenceRuleParts(rule);
  if (typeof parts === 'string') return parts;
  const freq = parts.get('FREQ');
  if (!freq) return 'FREQ is required';
  for (const [name, value] of parts) {
    const syntax = partSyntax[name];
    if (!syntax) return `${name} is not supported for tasks`;
    if (!syntax.test(value)) return `${name}=${value} is not valid`;
    if (name !== 'FREQ' && !isAllowed(freq, name)) {
      return `${name} is not supported with FREQ=${freq}`;
    }
  }
  return combinationProblem(freq, parts) ?? libraryProblem(parts);
}

const isAllowed = (freq: string, name: string) =>
  ['INTERVAL', 'COUNT', 'UNTIL'].includes(name) || (allowedParts[freq]?.includes(name) ?? false);

function combinationProblem(freq: string, parts: Map<string, string>): string | null {
  if (parts.has('COUNT') && parts.has('UNTIL')) return 'COUNT and UNTIL cannot both be given';
  const byday = parts.get('BYDAY');
  // RFC 5545: numbered weekdays only in MONTHLY (1-5 per month) and YEARLY rules.
  if (byday && /\d/.test(byday)) {
    if (freq === 'DAILY' || freq === 'WEEKLY') return `numbered BYDAY needs FREQ=MONTHLY or YEARLY`;
    if (freq === 'MONTHLY' && /[6-9]|\d\d/.test(byday)) return 'a month has at most 5 of a weekday';
  }
  // Every 7th day never moves to another weekday: with BYDAY it would match never or always.
  if (freq === 'DAILY' && byday && Number(parts.get('INTERVAL') ?? 1) % 7 === 0) {
    return 'a DAILY rule with BYDAY needs an INTERVAL that is not a multiple of 7';
  }
  if (
    parts.has('BYSETPOS') &&
    ![...parts.keys()].some((n) => n.startsWith('BY') && n !== 'BYSETPOS')
  ) {
    return 'BYSETPOS needs another BYxxx part';
  }
  const until = parts.get('UNTIL');
  if (until && Number.isNaN(untilDate(until).getTime())) return `UNTIL=${until} is not a date`;
  return impossibleDayProblem(parts);
}

/** The longest each month can be (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A rule whose days fit none of its months (FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30) never occurs:
 * refused here rather than searched for on every completion.
 */
function impossibleDayProblem(parts: Map<string, string>): string | null {
  const monthDays = parts.get('BYMONTHDAY');
  if (!monthDays) return null;
  const months = parts.get('BYMONTH')?.split(',').map(Number) ?? [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
  ];
  const days = monthDays.split(',').map((day) => Math.abs(Number(day)));
  const fits = months.some((month) => days.some((day) => day <= MONTH_DAYS[month - 1]!));
  return fits ? null : 'no month of the rule has that BYMONTHDAY, so it never occurs';
}

/** UNTIL as a UTC instant (a floating or date-only UNTIL is read as UTC, as rrule does). */
export function untilDate(value: string): Date {
  const [, y, mo, d, h = '0', mi = '0', s = '0'] =
    /^(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d))?/.exec(value) ?? [];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), +h, +mi, +s));
  // Date.UTC rolls 20260231 over to March 3rd and 25:00 to the next day: a real one reads back.
  const same =
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d) &&
    date.getUTCHours() === +h &&
    date.getUTCMinutes() === +mi &&
    date.getUTCSeconds() === +s;
  return same ? date : new Date(NaN);
}

/**
 * rrule's options for a validated rule. rrule reads weekday values only in upper case, so it is
 * handed the upper-cased parts (RFC 5545 names and values are case-insensitive).
 */
export function parseRecurrenceRule(parts: Map<string, string>) {
  return RRule.parseString([...parts].map(([name, value]) => `${name}=${value}`).join(';'));
}

function libraryProblem(parts: Map<string, string>): string | null {
  try {
    parseRecurrenceRule(parts);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'not a valid RRULE';
  }
}
