import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from './quick-add';
import { TAG_PALETTE, quickAddTaskInput, tagColorFor, tagNamed } from './task-input';

// Tuesday 1 December 2026, 10:00 local time.
const now = new Date(2026, 11, 1, 10, 0);
const local = (day: number, hours = 23, minutes = 59, month = 11) =>
  new Date(2026, month, day, hours, minutes);

describe('quick add', () => {
  it('keeps plain text as the title', () => {
    expect(parseQuickAdd('  Buy milk  ', now)).toEqual({ title: 'Buy milk', tagNames: [] });
  });

  it('reads priority, tags, a day and a time', () => {
    expect(parseQuickAdd('Pay rent tomorrow at 9am !high #home #Bills', now)).toEqual({
      title: 'Pay rent',
      priority: 'high',
      tagNames: ['home', 'Bills'],
      dueDate: local(2, 9, 0),
    });
  });

  it('makes a date without a time due at the end of that day', () => {
    expect(parseQuickAdd('Call mum today', now).dueDate).toEqual(local(1));
    expect(parseQuickAdd('Report on friday', now)).toMatchObject({
      title: 'Report',
      dueDate: local(4),
    });
    expect(parseQuickAdd('Dentist in 2 weeks at 14:30', now).dueDate).toEqual(local(15, 14, 30));
    expect(parseQuickAdd('Ship 2026-12-24', now).dueDate).toEqual(local(24));
  });

  it('puts a time alone today, or tomorrow once it has passed', () => {
    expect(parseQuickAdd('Stand-up 11:00am', now).dueDate).toEqual(local(1, 11, 0));
    expect(parseQuickAdd('Run 7am', now).dueDate).toEqual(local(2, 7, 0));
  });

  it('reads recurrence and gives the first occurrence a due date', () => {
    expect(parseQuickAdd('Water plants every week', now)).toMatchObject({
      title: 'Water plants',
      recurrenceRule: 'FREQ=WEEKLY',
      dueDate: local(1),
    });
    expect(parseQuickAdd('Gym every monday at 7pm', now)).toMatchObject({
      title: 'Gym',
      recurrenceRule: 'FREQ=WEEKLY;BYDAY=MO',
      dueDate: local(7, 19, 0),
    });
    expect(parseQuickAdd('Backup every 2 days', now).recurrenceRule).toBe('FREQ=DAILY;INTERVAL=2');
    expect(parseQuickAdd('Timesheet every weekday', now).recurrenceRule).toBe(
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    );
    expect(parseQuickAdd('Invoice monthly', now).recurrenceRule).toBe('FREQ=MONTHLY');
  });

  it('leaves ambiguous words in the title', () => {
    expect(parseQuickAdd('Read chapter 5 at the mon cafe every', now)).toEqual({
      title: 'Read chapter 5 at the mon cafe every',
      tagNames: [],
    });
  });

  it('uses the words as the title when there are only keywords', () => {
    expect(parseQuickAdd('tomorrow', now)).toMatchObject({ title: 'tomorrow', dueDate: local(2) });
  });

  it('never throws and always yields a title the server accepts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              'today',
              'tomorrow',
              'every',
              'week',
              'at',
              '5pm',
              '!high',
              '#tag',
              'on',
              'friday',
              'in',
              '3',
              'days',
              'monday',
            ),
            fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s !== ''),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (words) => {
          const input = words.join(' ');
          const parsed = parseQuickAdd(input, now);
          expect(parsed.title.trim().length).toBeGreaterThan(0);
          expect(parsed.title.length).toBeLessThanOrEqual(input.trim().length);
          if (parsed.dueDate) expect(Number.isNaN(parsed.dueDate.getTime())).toBe(false);
          for (const tag of parsed.tagNames) expect(tag).not.toMatch(/^#/);
        },
      ),
    );
  });
});

describe('quick add to task.create', () => {
  it('sends the parsed fields, and tags only when the line has some', () => {
    const parsed = parseQuickAdd('Pay rent !high #home', new Date('2026-12-01T10:00:00Z'));
    expect(quickAddTaskInput(parsed, [4, 2])).toEqual({
      title: 'Pay rent',
      priority: 'high',
      tagIds: [4, 2],
    });
    expect(quickAddTaskInput(parseQuickAdd('Read'), [])).toEqual({ title: 'Read' });
  });

  it('finds a tag by name whatever its case, and colors a new one the same on every device', () => {
    const home = { id: 1, name: 'Home', color: null, createdAt: new Date(0) };
    expect(tagNamed([home], 'home')).toBe(home);
    expect(tagNamed([home], 'garden')).toBeUndefined();
    expect(tagColorFor('garden')).toBe('#dc2626');
    expect(tagColorFor('home')).toBe('#7c3aed');
    expect(TAG_PALETTE).toContain(tagColorFor('anything at all'));
  });
});
