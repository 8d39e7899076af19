// The next-occurrence rule on its own: anchoring, COUNT per task, UNTIL, and bounded work for
// rules that never match again.
import { describe, expect, it } from 'vitest';
import { nextOccurrence } from './recurrence';

const monday = new Date('2026-01-05T09:30:00.250Z');

describe('nextOccurrence', () => {
  it.each([
    ['FREQ=DAILY', '2026-01-06T09:30:00.250Z'],
    ['FREQ=DAILY;INTERVAL=3', '2026-01-08T09:30:00.250Z'],
    ['FREQ=WEEKLY', '2026-01-12T09:30:00.250Z'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR', '2026-01-07T09:30:00.250Z'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-01-19T09:30:00.250Z'],
    ['FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31T09:30:00.250Z'],
    ['FREQ=MONTHLY;BYDAY=-1FR', '2026-01-30T09:30:00.250Z'],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '2026-01-30T09:30:00.250Z'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2028-02-29T09:30:00.250Z'],
    ['freq=weekly;byday=tu', '2026-01-06T09:30:00.250Z'],
  ])('%s after Monday 2026-01-05 is %s, strictly later, same time of day', (rule, due) => {
    expect(nextOccurrence(rule, monday)).toEqual({ dueDate: new Date(due), recurrenceRule: rule });
  });

  it('counts COUNT per task: the next one carries one fewer, COUNT=1 is the last', () => {
    expect(nextOccurrence('RRULE:FREQ=DAILY;COUNT=3', monday)).toEqual({
      dueDate: new Date('2026-01-06T09:30:00.250Z'),
      recurrenceRule: 'RRULE:FREQ=DAILY;COUNT=2',
    });
    expect(nextOccurrence('FREQ=DAILY;COUNT=2', monday)?.recurrenceRule).toBe('FREQ=DAILY;COUNT=1');
    expect(nextOccurrence('FREQ=DAILY;COUNT=1', monday)).toBeNull();
  });

  it('stops at UNTIL (inclusive) and after it', () => {
    expect(nextOccurrence('FREQ=DAILY;UNTIL=20260106T093000Z', monday)).toBeNull();
    expect(nextOccurrence('FREQ=DAILY;UNTIL=20260107T000000Z', monday)?.dueDate).toEqual(
      new Date('2026-01-06T09:30:00.250Z'),
    );
    expect(nextOccurrence('FREQ=DAILY;UNTIL=20250101', monday)).toBeNull();
  });

  it('anchors far-future and far-past due dates exactly (the 400-year shift is invisible)', () => {
    const past = new Date('1999-12-31T23:00:00Z');
    expect(nextOccurrence('FREQ=MONTHLY;BYMONTHDAY=29', past)?.dueDate).toEqual(
      new Date('2000-01-29T23:00:00Z'),
    );
    expect(nextOccurrence('FREQ=YEARLY', new Date('2099-02-28T00:00:00Z'))?.dueDate).toEqual(
      new Date('2100-02-28T00:00:00Z'),
    );
  });

  it.each([
    'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=MONTHLY;INTERVAL=12;BYMONTH=2', // Januaries only, never February
    'FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=1;BYSETPOS=2',
    'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31',
  ])('a rule that never matches again (%s) answers none, quickly', (rule) => {
    const started = performance.now();
    expect(nextOccurrence(rule, monday)).toBeNull();
    // Unbounded, rrule scans every month to year 9999 (seconds); the shift bounds it.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
