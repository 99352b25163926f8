import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { MESSAGES } from '../class-views.messages.js';

/**
 * Calendar arithmetic for the date-based views. A calendar date (Python's `date`) is a
 * `Date` at 00:00 UTC: its UTC year, month and day are the date, whatever the time zone
 * the objects are looked at in.
 */

/** The periods `date_list` and the next/previous links count in. */
export type DatePeriod = 'year' | 'month' | 'week' | 'day';

/** Python's `date.min.year` and `date.max.year`: outside them Django answers "Date out of range". */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const DAY_MS = 86_400_000;

/** The calendar date `year-month-day` (month 1–12), or `null` when there is no such date. */
export function calendarDate(year: number, month: number, day: number): Date | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return null;
  const date = new Date(0);
  // setUTCFullYear(), unlike Date.UTC(), keeps years 0–99 as they are.
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Whether `year` is a leap year of the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** `date` plus `days` days; `null` outside the years Python's `date` holds. */
export function addDays(date: Date, days: number): Date | null {
  const result = new Date(date.getTime() + days * DAY_MS);
  const year = result.getUTCFullYear();
  return year < MIN_YEAR || year > MAX_YEAR ? null : result;
}

/** Python's `date.weekday()`: Monday is 0, Sunday 6. */
export function weekday(date: Date): number {
  return (date.getUTCDay() + 6) % 7;
}

/** `YYYY-MM-DD`, as SQL date columns hold a date. */
export function isoDate(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The first day of the year, month or day `date` is in. */
export function truncateDate(date: Date, period: Exclude<DatePeriod, 'week'>): Date {
  const year = date.getUTCFullYear();
  if (period === 'year') return calendarDate(year, 1, 1)!;
  if (period === 'month') return calendarDate(year, date.getUTCMonth() + 1, 1)!;
  return date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throw `ImproperlyConfigured` unless `timeZone` is an IANA time zone this runtime knows. */
export function checkTimeZone(timeZone: string, owner: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new ImproperlyConfigured(MESSAGES.badTimeZone(owner, timeZone));
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock time of `instant` in `timeZone`, as if it were UTC: its offset is the
 * difference. The one reading of a zone's clock, for the date views and the templates' filters.
 */
export function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), ((instant % 1000) + 1000) % 1000);
  return wall.getTime();
}

/** The calendar date of `instant` in `timeZone` (Django's `localtime(value).date()`). */
export function dateInZone(instant: Date, timeZone: string): Date {
  const wall = timeZone === 'UTC' ? instant.getTime() : wallClock(instant.getTime(), timeZone);
  return new Date(Math.floor(wall / DAY_MS) * DAY_MS);
}

/**
 * The instant `date` begins in `timeZone` (Django's `make_aware(datetime.combine(date,
 * time.min))`); where a clock change skips midnight, the first instant of that day.
 */
export function startOfDateInZone(date: Date, timeZone: string): Date {
  const wall = date.getTime();
  if (timeZone === 'UTC') return new Date(wall);
  let instant = wall - (wallClock(wall, timeZone) - wall);
  instant = wall - (wallClock(instant, timeZone) - instant);
  // A gap at midnight: the guess fell on the day before; the day starts where the gap ends.
  if (wallClock(instant, timeZone) < wall) instant += wall - wallClock(instant, timeZone);
  return new Date(instant);
}

/** A value of a date or datetime field as a calendar date in `timeZone`; `null` when it is none. */
export function fieldDate(value: unknown, timeZone: string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateInZone(value, timeZone);
  if (typeof value === 'string') {
    // A date column's value (`2008-02-10`) is a calendar date, in no time zone.
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : dateInZone(parsed, timeZone);
  }
  return null;
}

/** A date or datetime field's value as milliseconds, to compare with range bounds; `null` when it is none. */
export function fieldTime(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'string') {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? fieldDate(value, 'UTC') : new Date(value);
    return date && !Number.isNaN(date.getTime()) ? date.getTime() : null;
  }
  return null;
}

/** The distinct years, months or days of date or datetime `values` (in `timeZone`), in `order`; in memory. */
export function distinctDates(
  values: Iterable<unknown>,
  kind: Exclude<DatePeriod, 'week'>,
  order: 'ASC' | 'DESC',
  timeZone: string,
): Date[] {
  const seen = new Set<number>();
  for (const value of values) {
    const date = fieldDate(value, timeZone);
    if (date) seen.add(truncateDate(date, kind).getTime());
  }
  const times = [...seen].sort((a, b) => (order === 'ASC' ? a - b : b - a));
  return times.map((time) => new Date(time));
}

/** What a value says of its field: a `YYYY-MM-DD` string is a date column's, a `Date` or other string a datetime's. */
export function dateKindOf(value: unknown): 'date' | 'datetime' | undefined {
  if (value instanceof Date) return 'datetime';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'date' : 'datetime';
  return undefined;
}
