// Which RRULE values a task accepts: RFC 5545 syntax, the task subset, and what rrule alone
// would have let through.
import { describe, expect, it } from 'vitest';
import { recurrenceRuleProblem, untilDate } from './recurrence-rule';
import { recurrenceRule } from './task';

describe('recurrence rules', () => {
  it.each([
    'FREQ=DAILY',
    'RRULE:FREQ=DAILY;INTERVAL=2',
    'FREQ=WEEKLY;BYDAY=MO,WE,FR;WKST=SU',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    'FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=12',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=YEARLY;BYDAY=20MO',
    'FREQ=DAILY;UNTIL=20261231',
    'FREQ=DAILY;UNTIL=20261231T235959Z',
    'freq=weekly;byday=mo',
  ])('accepts %s', (rule) => {
    expect(recurrenceRuleProblem(rule)).toBeNull();
    expect(recurrenceRule.safeParse(rule).success).toBe(true);
  });

  it.each([
    ['', 'is not NAME=VALUE'],
    ['FREQ=DAILY;', 'is not NAME=VALUE'],
    ['BYDAY=MO', 'FREQ is required'],
    ['FREQ=FOO', 'FREQ=FOO is not valid'],
    ['FREQ=HOURLY', 'FREQ=HOURLY is not valid'],
    ['FREQ=DAILY;COUNT=abc', 'COUNT=ABC is not valid'],
    ['FREQ=DAILY;COUNT=0', 'COUNT=0 is not valid'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL=0 is not valid'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'FREQ appears twice'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY=XX is not valid'],
    ['FREQ=DAILY;BYHOUR=9', 'BYHOUR is not supported for tasks'],
    ['FREQ=DAILY;BYMONTHDAY=1', 'BYMONTHDAY is not supported with FREQ=DAILY'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'numbered BYDAY needs FREQ=MONTHLY or YEARLY'],
    ['FREQ=MONTHLY;BYDAY=6MO', 'a month has at most 5 of a weekday'],
    ['FREQ=DAILY;INTERVAL=14;BYDAY=MO', 'INTERVAL that is not a multiple of 7'],
    ['FREQ=MONTHLY;BYSETPOS=1', 'BYSETPOS needs another BYxxx part'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20270101', 'COUNT and UNTIL cannot both be given'],
    ['FREQ=DAILY;UNTIL=20260231', 'UNTIL=20260231 is not a date'],
    ['FREQ=DAILY;UNTIL=garbage', 'UNTIL=GARBAGE is not valid'],
    ['DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', 'is not NAME=VALUE'],
    ['FREQ=DAILY;TZID=Europe/Paris', 'TZID is not supported for tasks'],
  ])('rejects %j: %s', (rule, why) => {
    expect(recurrenceRuleProblem(rule)).toContain(why);
    const result = recurrenceRule.safeParse(rule);
    expect(result.success).toBe(false);
  });

  it('limits the stored rule to 1000 characters', () => {
    const long = `FREQ=MONTHLY;BYMONTHDAY=${Array(600).fill('1').join(',')}`;
    expect(recurrenceRule.safeParse(long).error?.issues[0]?.code).toBe('too_big');
  });

  it('reads UNTIL as UTC and refuses impossible dates and times', () => {
    expect(untilDate('20260105')).toEqual(new Date('2026-01-05T00:00:00Z'));
    expect(untilDate('20260105T093000Z')).toEqual(new Date('2026-01-05T09:30:00Z'));
    for (const bad of ['20261301', '20260230', '20260105T250000Z', '20260105T096000']) {
      expect(untilDate(bad).getTime()).toBeNaN();
    }
  });
});

describe('rules that can never occur', () => {
  it.each([
    'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=-30',
    'FREQ=YEARLY;BYMONTH=4,6,9,11;BYMONTHDAY=31',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30,31',
  ])('refuses %s', (rule) => {
    expect(recurrenceRuleProblem(rule)).toBe(
      'no month of the rule has that BYMONTHDAY, so it never occurs',
    );
  });

  it.each([
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=MONTHLY;BYMONTHDAY=31',
    'FREQ=YEARLY;BYMONTH=2,3;BYMONTHDAY=31',
    'FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=-30',
  ])('keeps %s, which occurs in some years or months', (rule) => {
    expect(recurrenceRuleProblem(rule)).toBeNull();
  });
});
