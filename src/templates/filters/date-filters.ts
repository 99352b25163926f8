import { formatDate, NAMED_FORMATS } from './date-format.js';
import { timesince, timeuntil } from './timesince.js';

const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** The format characters for `arg`: a named format, the format itself, or `fallback` when none is given. */
function resolveFormat(arg: unknown, fallback: string): string {
  const name = arg === undefined || arg === null || arg === '' ? fallback : String(arg);
  return NAMED_FORMATS[name] ?? name;
}

/**
 * Django's `date` filter: `{{ value | date("D d M Y") }}` → `Wed 09 Jan 2008`; without a
 * format, `DATE_FORMAT` (`N j, Y`: `Jan. 9, 2008`). Read in `timeZone`. Anything but a
 * valid `Date` prints nothing.
 */
export function dateFilter(value: unknown, arg: unknown, timeZone: string): string {
  if (!isDate(value)) return '';
  return formatDate(value, resolveFormat(arg, 'DATE_FORMAT'), timeZone) ?? '';
}

/** Django's `time` filter: the time characters only (`H:i`), `TIME_FORMAT` (`P`: `4:30 p.m.`) by default. */
export function timeFilter(value: unknown, arg: unknown, timeZone: string): string {
  if (!isDate(value)) return '';
  return formatDate(value, resolveFormat(arg, 'TIME_FORMAT'), timeZone, true) ?? '';
}

/** Django's `timesince` filter: from the value to `arg` (default: now), e.g. `2 days, 3 hours`. */
export function timesinceFilter(value: unknown, arg?: unknown): string {
  if (!isDate(value)) return '';
  if (arg === undefined || arg === null || arg === '') return timesince(value);
  return isDate(arg) ? timesince(value, arg) : '';
}

/** Django's `timeuntil` filter: from `arg` (default: now) to the value. */
export function timeuntilFilter(value: unknown, arg?: unknown): string {
  if (!isDate(value)) return '';
  if (arg === undefined || arg === null || arg === '') return timeuntil(value);
  return isDate(arg) ? timeuntil(value, arg) : '';
}
