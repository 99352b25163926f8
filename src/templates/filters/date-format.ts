import { zonedTime, type ZonedTime } from './zoned-time.js';

/** Django's English formats (`django/conf/locale/en/formats.py`), which a format argument may name. */
export const NAMED_FORMATS: Readonly<Record<string, string>> = {
  DATE_FORMAT: 'N j, Y',
  DATETIME_FORMAT: 'N j, Y, P',
  TIME_FORMAT: 'P',
  YEAR_MONTH_FORMAT: 'F Y',
  MONTH_DAY_FORMAT: 'F j',
  SHORT_DATE_FORMAT: 'm/d/Y',
  SHORT_DATETIME_FORMAT: 'm/d/Y P',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Associated Press style (Django's `MONTHS_AP`). */
const MONTHS_AP = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
/** A UTC midnight, for calendar arithmetic; unlike `Date.UTC()`, years 0 to 99 stay themselves. */
function utcDay(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}
/** Python's `date(year, month, day)` of `t`, moved by `shiftDays`. */
const calendarDay = (t: ZonedTime, shiftDays = 0) => utcDay(t.year, t.month - 1, t.day + shiftDays);
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Python's `isocalendar()`: the ISO year and week of the day. */
function isoWeek(t: ZonedTime): { year: number; week: number } {
  // The Thursday of the same ISO week decides the year.
  const thursday = new Date(calendarDay(t, 3 - t.weekday));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - utcDay(year, 0, 1)) / 86_400_000 / 7) + 1;
  return { year, week };
}

/** `f`: the 12-hour time, minutes left off when zero. */
const twelveHour = (t: ZonedTime) => (t.minute ? `${t.hour % 12 || 12}:${pad(t.minute)}` : String(t.hour % 12 || 12));
const ampm = (t: ZonedTime) => (t.hour > 11 ? 'p.m.' : 'a.m.');

/** `O`: the offset as `+0200`. */
function offsetHours(t: ZonedTime): string {
  const seconds = Math.abs(t.offset);
  return `${t.offset < 0 ? '-' : '+'}${pad(Math.floor(seconds / 3600))}${pad(Math.floor(seconds / 60) % 60)}`;
}

/** Python's `isoformat()` of an aware datetime. */
function isoFormat(t: ZonedTime): string {
  const fraction = t.millisecond ? `.${pad(t.millisecond * 1000, 6)}` : '';
  const seconds = Math.abs(t.offset);
  const offset = `${t.offset < 0 ? '-' : '+'}${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}${seconds % 60 ? `:${pad(seconds % 60)}` : ''}`;
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${fraction}${offset}`;
}

/** Django's `TimeFormat`: the characters about the time of day. */
const TIME_CHARACTERS: Record<string, (t: ZonedTime) => string> = {
  a: ampm,
  A: (t) => (t.hour > 11 ? 'PM' : 'AM'),
  e: (t) => t.abbreviation,
  f: twelveHour,
  g: (t) => String(t.hour % 12 || 12),
  G: (t) => String(t.hour),
  h: (t) => pad(t.hour % 12 || 12),
  H: (t) => pad(t.hour),
  i: (t) => pad(t.minute),
  O: offsetHours,
  P: (t) =>
    t.minute === 0 && t.hour === 0
      ? 'midnight'
      : t.minute === 0 && t.hour === 12
        ? 'noon'
        : `${twelveHour(t)} ${ampm(t)}`,
  s: (t) => pad(t.second),
  T: (t) => t.abbreviation,
  u: (t) => pad(t.millisecond * 1000, 6),
  Z: (t) => String(t.offset),
};

/** Django's `DateFormat`: the time characters and those about the day. */
const DATE_CHARACTERS: Record<string, (t: ZonedTime) => string> = {
  ...TIME_CHARACTERS,
  b: (t) => MONTHS[t.month - 1]!.slice(0, 3).toLowerCase(),
  c: isoFormat,
  d: (t) => pad(t.day),
  D: (t) => WEEKDAYS[t.weekday]!.slice(0, 3),
  E: (t) => MONTHS[t.month - 1]!,
  F: (t) => MONTHS[t.month - 1]!,
  I: (t) => (t.dst ? '1' : '0'),
  j: (t) => String(t.day),
  l: (t) => WEEKDAYS[t.weekday]!,
  L: (t) => (isLeap(t.year) ? 'True' : 'False'),
  m: (t) => pad(t.month),
  M: (t) => MONTHS[t.month - 1]!.slice(0, 3),
  n: (t) => String(t.month),
  N: (t) => MONTHS_AP[t.month - 1]!,
  o: (t) => String(isoWeek(t).year),
  r: (t) =>
    `${WEEKDAYS[t.weekday]!.slice(0, 3)}, ${pad(t.day)} ${MONTHS[t.month - 1]!.slice(0, 3)} ${pad(t.year, 4)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${offsetHours(t)}`,
  S: (t) => (t.day >= 11 && t.day <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][t.day % 10] ?? 'th')),
  t: (t) => pad(new Date(utcDay(t.year, t.month, 0)).getUTCDate()),
  U: (t) => String(Math.trunc(t.time / 1000)),
  w: (t) => String((t.weekday + 1) % 7),
  W: (t) => String(isoWeek(t).week),
  y: (t) => pad(t.year % 100),
  Y: (t) => pad(t.year, 4),
  z: (t) => String((calendarDay(t) - utcDay(t.year, 0, 1)) / 86_400_000 + 1),
};

/**
 * Format `date` as Django's `date` filter does: `format` is a name from `NAMED_FORMATS` or
 * format characters (`D d M Y`), a backslash keeping the next character as it is. Only the
 * time characters with `timeOnly` (the `time` filter). `null` when a character is not allowed,
 * where Django's filter prints nothing.
 */
export function formatDate(date: Date, format: string, timeZone: string, timeOnly = false): string | null {
  const characters = timeOnly ? TIME_CHARACTERS : DATE_CHARACTERS;
  const zoned = zonedTime(date, timeZone);
  let text = '';
  // One pass, as Django's `(?<!\\)([formatchars])` split then `\\(.)` unescape do.
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    const escaped = i > 0 && format[i - 1] === '\\';
    if (!escaped && Object.hasOwn(DATE_CHARACTERS, char)) {
      const print = characters[char];
      if (!print) return null;
      text += print(zoned);
    } else if (char === '\\' && i + 1 < format.length && format[i + 1] !== '\n') {
      text += format[++i];
    } else {
      text += char;
    }
  }
  return text;
}
