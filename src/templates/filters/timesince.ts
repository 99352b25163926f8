import { avoidWrapping } from './python-values.js';

const UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute'] as const;
/** Seconds in a week, a day, an hour and a minute (Django's `TIME_CHUNKS`). */
const CHUNKS = [604_800, 86_400, 3_600, 60];
/** Django's `MONTHS_DAYS`: February has 28 days, leap year or not. */
const MONTHS_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const plural = (count: number, unit: string) => avoidWrapping(`${count} ${unit}${count === 1 ? '' : 's'}`);

/** Milliseconds into the UTC day of `date`, for comparing times of day. */
const timeOfDay = (date: Date) =>
  date.getTime() - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/**
 * Django 4.2's `timesince()`: the time from `date` to `now` in the two largest units
 * ("2 days, 3 hours"), with non-breaking spaces, "0 minutes" when `date` is not earlier.
 * Calendar fields are read in UTC, as Django reads them in the time zone of the value,
 * which is UTC for dates from the database.
 */
export function timesince(date: Date, now: Date = new Date(), depth = 2): string {
  // Django ignores microseconds; JavaScript has milliseconds.
  if (Math.floor((now.getTime() - date.getTime()) / 1000) <= 0) return plural(0, 'minute');

  let totalMonths = (now.getUTCFullYear() - date.getUTCFullYear()) * 12 + (now.getUTCMonth() - date.getUTCMonth());
  if (
    date.getUTCDate() > now.getUTCDate() ||
    (date.getUTCDate() === now.getUTCDate() && timeOfDay(date) > timeOfDay(now))
  )
    totalMonths -= 1;
  const years = Math.floor(totalMonths / 12);
  const months = totalMonths % 12;

  // The pivot: `date` moved on by the years and months, from which the rest is counted.
  let pivot = date.getTime();
  if (years || months) {
    let pivotYear = date.getUTCFullYear() + years;
    let pivotMonth = date.getUTCMonth() + 1 + months;
    if (pivotMonth > 12) {
      pivotMonth -= 12;
      pivotYear += 1;
    }
    const day = Math.min(MONTHS_DAYS[pivotMonth - 1]!, date.getUTCDate());
    pivot = Date.UTC(pivotYear, pivotMonth - 1, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  }
  let remaining = (now.getTime() - pivot) / 1000;
  const partials = [years, months];
  for (const chunk of CHUNKS) {
    const count = Math.floor(remaining / chunk);
    partials.push(count);
    remaining -= chunk * count;
  }

  const first = partials.findIndex((value) => value !== 0);
  if (first === -1) return plural(0, 'minute');
  const result: string[] = [];
  for (let i = first; i < UNITS.length && result.length < depth && partials[i] !== 0; i++)
    result.push(plural(partials[i]!, UNITS[i]!));
  return result.join(', ');
}

/** Django's `timeuntil()`: the time from `now` to `date`. */
export function timeuntil(date: Date, now: Date = new Date(), depth = 2): string {
  return timesince(now, date, depth);
}
