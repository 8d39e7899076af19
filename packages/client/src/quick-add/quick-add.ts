// The quick-add line: "Pay rent tomorrow at 9am !high #home every month" becomes a task with a
// title, a priority, tags, a due date and a recurrence rule. Only unambiguous words are taken
// ("at 5", a bare number, stays in the title); whatever is not understood is the title.
import type { TaskPriority } from '@repo/validators';

export interface QuickAdd {
  title: string;
  priority?: TaskPriority;
  /** Tag names as typed (without '#'), distinct, in order. */
  tagNames: string[];
  dueDate?: Date;
  recurrenceRule?: string;
}

const PRIORITIES: Record<string, TaskPriority> = {
  '!high': 'high',
  '!h': 'high',
  '!!!': 'high',
  '!medium': 'medium',
  '!m': 'medium',
  '!!': 'medium',
  '!low': 'low',
  '!l': 'low',
};

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const UNITS: Record<string, string> = {
  day: 'DAILY',
  week: 'WEEKLY',
  month: 'MONTHLY',
  year: 'YEARLY',
};
const ADVERBS: Record<string, string> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
};

/** A due date without a time is due at the end of that day: not overdue until the day is over. */
const END_OF_DAY = [23, 59] as const;

/** 0-6 for "monday", "mon", "tues"...; -1 otherwise. */
function weekdayIndex(word: string): number {
  const w = word.toLowerCase();
  if (w.length < 3 || !/^[a-z]+$/.test(w)) return -1;
  return WEEKDAYS.findIndex((day) => day.startsWith(w));
}

/** A full weekday name, or a short one after "on"/"by" ("on fri"): "mon" alone may be a word. */
const isDueWeekday = (word: string, previous: string | undefined) =>
  weekdayIndex(word) !== -1 &&
  (WEEKDAYS.includes(word.toLowerCase()) || ['on', 'by'].includes(previous?.toLowerCase() ?? ''));

/** "5pm", "5:30pm", "17:00" -> [hours, minutes]. */
function parseTime(word: string): [number, number] | null {
  const match = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(word);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const meridiem = match[3]?.toLowerCase();
  if (!meridiem && match[2] === undefined) return null;
  if (minutes > 59) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hours > 23) return null;
  return [hours, minutes];
}

const addDays = (date: Date, days: number) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

/** The next `weekday` strictly after today (or today when `includeToday`). */
function nextWeekday(now: Date, weekday: number, includeToday: boolean): Date {
  let ahead = (weekday - now.getDay() + 7) % 7;
  if (ahead === 0 && !includeToday) ahead = 7;
  return addDays(now, ahead);
}

export function parseQuickAdd(input: string, now: Date = new Date()): QuickAdd {
  const words = input.trim().split(/\s+/).filter(Boolean);
  const title: string[] = [];
  const tagNames: string[] = [];
  let priority: TaskPriority | undefined;
  let day: Date | undefined;
  let time: [number, number] | undefined;
  let rule: string | undefined;
  let ruleDay: number | undefined;

  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = word.toLowerCase();
    const next = words[i + 1]?.toLowerCase();
    const after = words[i + 2]?.toLowerCase();

    if (PRIORITIES[lower]) {
      priority = PRIORITIES[lower];
    } else if (/^#[\p{L}\p{N}_-]{1,30}$/u.test(word)) {
      const name = word.slice(1);
      if (!tagNames.some((t) => t.toLowerCase() === name.toLowerCase())) tagNames.push(name);
    } else if (lower === 'today' || lower === 'tonight') {
      day = addDays(now, 0);
    } else if (lower === 'tomorrow' || lower === 'tmr') {
      day = addDays(now, 1);
    } else if (lower === 'next' && next === 'week') {
      day = addDays(now, 7);
      i++;
    } else if (
      lower === 'in' &&
      next &&
      /^\d{1,3}$/.test(next) &&
      after &&
      /^(days?|weeks?)$/.test(after)
    ) {
      day = addDays(now, Number(next) * (after.startsWith('week') ? 7 : 1));
      i += 2;
    } else if (
      /^\d{4}-\d{2}-\d{2}$/.test(word) &&
      !Number.isNaN(new Date(`${word}T00:00`).getTime())
    ) {
      day = new Date(`${word}T00:00`);
    } else if (lower === 'at' && next && parseTime(next.replace(/^(\d{1,2})$/, '$1:00'))) {
      time = parseTime(next.replace(/^(\d{1,2})$/, '$1:00'))!;
      i++;
    } else if (/^\d{1,2}(:\d{2})?(am|pm)$/i.test(word) && parseTime(word)) {
      time = parseTime(word)!;
    } else if (ADVERBS[lower]) {
      rule = `FREQ=${ADVERBS[lower]}`;
    } else if (lower === 'every' && next) {
      const unit = next.replace(/s$/, '');
      if (UNITS[unit] && next === unit) {
        rule = `FREQ=${UNITS[unit]}`;
        i++;
      } else if (
        /^\d{1,3}$/.test(next) &&
        after &&
        UNITS[after.replace(/s$/, '')] &&
        Number(next) > 0
      ) {
        rule = `FREQ=${UNITS[after.replace(/s$/, '')]}${Number(next) > 1 ? `;INTERVAL=${Number(next)}` : ''}`;
        i += 2;
      } else if (next === 'weekday') {
        rule = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
        i++;
      } else if (weekdayIndex(next) !== -1) {
        ruleDay = weekdayIndex(next);
        rule = `FREQ=WEEKLY;BYDAY=${RRULE_DAYS[ruleDay]}`;
        i++;
      } else title.push(word);
    } else if (isDueWeekday(word, words[i - 1])) {
      day = nextWeekday(now, weekdayIndex(word), false);
      // "on friday": the "on" belonged to the date.
      if (['on', 'by'].includes(title[title.length - 1]?.toLowerCase() ?? '')) title.pop();
    } else {
      title.push(word);
    }
  }

  // A repeating task needs a first due date: its first occurrence from today.
  if (rule && !day) {
    day = ruleDay !== undefined ? nextWeekday(now, ruleDay, true) : addDays(now, 0);
  }
  let dueDate: Date | undefined;
  if (day) {
    const [hours, minutes] = time ?? END_OF_DAY;
    dueDate = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes);
  } else if (time) {
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), time[0], time[1]);
    dueDate = today.getTime() > now.getTime() ? today : addDays(today, 1);
    dueDate.setHours(time[0], time[1]);
  }

  const text = title.join(' ');
  return {
    // Nothing but keywords ("today"): the words themselves are the title.
    title: text || input.trim(),
    ...(priority ? { priority } : {}),
    tagNames,
    ...(dueDate ? { dueDate } : {}),
    ...(rule ? { recurrenceRule: rule } : {}),
  };
}
