import { describe, expect, it } from 'vitest';
import { formatDue, formatMoney, minorUnitsToInput, parseMoney } from './index';
import {
  buildRecurrenceRule,
  describeRecurrence,
  nextOccurrences,
  parseRecurrenceChoice,
} from './recurrence';

describe('money', () => {
  it('formats minor units in the currency', () => {
    expect(formatMoney(1234, 'USD', 'en-US')).toBe('$12.34');
    expect(formatMoney(1234, 'JPY', 'en-US')).toBe('¥1,234');
    expect(formatMoney(1234, 'KWD', 'en-US')).toBe('KWD\u00a01.234');
    expect(formatMoney(0, 'EUR', 'en-US')).toBe('€0.00');
  });

  it('never throws on a currency code that is still being typed', () => {
    expect(formatMoney(1250, 'E', 'en-US')).toBe('12.50 E');
    expect(formatMoney(1250, '', 'en-US')).toBe('12.50');
    expect(formatMoney(1250, 'EURO', 'en-US')).toBe('12.50 EURO');
    expect(parseMoney('12.5', 'EU')).toBe(1250);
    expect(minorUnitsToInput(1250, 'E')).toBe('12.50');
  });

  it('parses what a person types, exactly', () => {
    expect(parseMoney('12.34', 'USD')).toBe(1234);
    expect(parseMoney('$1,234.5', 'USD')).toBe(123450);
    expect(parseMoney('0.1', 'USD')).toBe(10);
    expect(parseMoney('12', 'JPY')).toBe(12);
    expect(parseMoney('12.345', 'USD')).toBeNull();
    expect(parseMoney('abc', 'USD')).toBeNull();
    expect(parseMoney('-1', 'USD')).toBeNull();
  });

  it('round-trips through the input format', () => {
    for (const cents of [0, 5, 99, 100, 1234, 9_999_999]) {
      expect(parseMoney(minorUnitsToInput(cents, 'USD'), 'USD')).toBe(cents);
    }
    expect(minorUnitsToInput(5, 'USD')).toBe('0.05');
  });
});

describe('dates', () => {
  const now = new Date(2026, 11, 1, 10, 0);
  it('says today, tomorrow and weekdays near now', () => {
    expect(formatDue(new Date(2026, 11, 1, 17, 0), now, 'en-US')).toBe('Today, 5:00 PM');
    expect(formatDue(new Date(2026, 11, 2, 9, 0), now, 'en-US')).toBe('Tomorrow, 9:00 AM');
    expect(formatDue(new Date(2026, 10, 30, 9, 0), now, 'en-US')).toBe('Yesterday, 9:00 AM');
    expect(formatDue(new Date(2026, 11, 4, 9, 0), now, 'en-US')).toBe('Fri, 9:00 AM');
    expect(formatDue(new Date(2026, 11, 24, 9, 0), now, 'en-US')).toBe('Dec 24');
    expect(formatDue(new Date(2027, 0, 24, 9, 0), now, 'en-US')).toBe('Jan 24, 2027');
  });
});

describe('recurrence', () => {
  it('says a rule in words', () => {
    expect(describeRecurrence('FREQ=WEEKLY;BYDAY=MO,WE')).toBe('every week on Monday, Wednesday');
    expect(describeRecurrence('FREQ=DAILY;INTERVAL=2')).toBe('every 2 days');
    expect(describeRecurrence('FREQ=FOO')).toBeNull();
  });

  it('lists the next three due dates after the anchor', () => {
    const anchor = new Date(Date.UTC(2026, 11, 1, 9)); // a Tuesday
    expect(nextOccurrences('FREQ=WEEKLY;BYDAY=MO,WE', anchor).map((d) => d.toISOString())).toEqual([
      '2026-12-02T09:00:00.000Z',
      '2026-12-07T09:00:00.000Z',
      '2026-12-09T09:00:00.000Z',
    ]);
  });

  it('counts COUNT from this task, as the server does', () => {
    const anchor = new Date(Date.UTC(2026, 11, 1, 9));
    expect(nextOccurrences('FREQ=DAILY;COUNT=2', anchor)).toHaveLength(1);
    expect(nextOccurrences('FREQ=DAILY;COUNT=1', anchor)).toHaveLength(0);
  });

  it('builds rules from the editor and reads them back', () => {
    const choice = {
      frequency: 'WEEKLY' as const,
      interval: 2,
      byDay: ['FR' as const, 'MO' as const],
      count: 5,
    };
    const rule = buildRecurrenceRule(choice);
    expect(rule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=5');
    expect(parseRecurrenceChoice(rule)).toEqual({ ...choice, byDay: ['MO', 'FR'] });
    expect(parseRecurrenceChoice('FREQ=MONTHLY;BYMONTHDAY=1')).toBeNull();
  });
});
