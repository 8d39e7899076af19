// Dates as a person reads them in a list: relative words near today, the date further out.

const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
const DAY_MS = 86_400_000;

/** Whole calendar days from `now`'s day to `date`'s day (local time). */
export function calendarDaysBetween(now: Date, date: Date): number {
  return Math.round((startOfDay(date).getTime() - startOfDay(now).getTime()) / DAY_MS);
}

export function formatDate(date: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(date: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function formatTime(date: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
}

/** "Today, 5:00 PM", "Tomorrow, 9:00 AM", "Yesterday, ...", "Fri, 5:00 PM" within a week, else the date. */
export function formatDue(date: Date, now: Date = new Date(), locale?: string): string {
  const days = calendarDaysBetween(now, date);
  const time = formatTime(date, locale);
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(days) <= 1) {
    const word = words.format(days, 'day');
    return `${word.charAt(0).toUpperCase()}${word.slice(1)}, ${time}`;
  }
  if (days > 1 && days < 7) {
    return `${new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(date)}, ${time}`;
  }
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(date);
}

export const isOverdue = (date: Date, now: Date = new Date()) => date.getTime() < now.getTime();

/** A Date as the value of an `<input type="datetime-local">` (local time, minutes). */
export function toDateTimeLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An `<input type="date">` value (local time). */
export function toDateInput(date: Date): string {
  return toDateTimeLocalInput(date).slice(0, 10);
}
