// Date#toISOString by arithmetic. V8's builtin costs ~0.58 µs a call here, and a page of 50 tasks
// serializes ~250 dates (each task's and each tag's): this does the same in ~0.2 µs, for every
// date of years 0000-9999, and hands any other to the builtin. iso-time.test.ts checks it
// against the builtin over the whole range.

const MS_PER_DAY = 86_400_000;
/** Year 0000-01-01T00:00:00.000Z and 10000-01-01: outside them the builtin writes ±YYYYYY. */
const FIRST = -62_167_219_200_000;
const END = 253_402_300_800_000;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);
const pad4 = (n: number) => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : `${n}`);

/** `date.toISOString()`, faster; an invalid date throws the builtin's RangeError. */
export function toIsoString(date: Date): string {
  const time = date.getTime();
  if (!(time >= FIRST && time < END)) return date.toISOString();
  const days = Math.floor(time / MS_PER_DAY);
  let ms = time - days * MS_PER_DAY;
  const hour = Math.floor(ms / 3_600_000);
  ms -= hour * 3_600_000;
  const minute = Math.floor(ms / 60_000);
  ms -= minute * 60_000;
  const second = Math.floor(ms / 1000);
  ms -= second * 1000;
  // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted), in 400-year
  // eras that start on March 1st so the leap day is last.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(ms)}Z`;
}
