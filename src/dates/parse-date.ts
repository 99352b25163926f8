import { MESSAGES } from '../class-views.messages.js';
import { Http404 } from '../exceptions/http404.exception.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { addDays, calendarDate, isLeapYear, MAX_YEAR, MIN_YEAR, weekday } from './calendar.js';

/**
 * Python's `datetime.strptime(text, format).date()` for the directives Django's date
 * views use: `%Y` (four digits), `%G` (ISO year), `%b` (`jan`…`dec`, any case), `%m`,
 * `%d`, `%j` (day of the year), `%w` (weekday, 0 Sunday), `%U` (week, Sunday first),
 * `%W` (week, Monday first), `%V` (ISO week) and `%%`. Python's patterns, so the same
 * texts match: digits are any Unicode decimal digits, as Python's `\d`. The pattern has no
 * nested repetition, so matching takes time linear in the text.
 */

const DIGIT = '\\p{Nd}';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Each directive's pattern, as Python's `_strptime.TimeRE` has it. */
const DIRECTIVES: Readonly<Record<string, string>> = {
  Y: `${DIGIT}${DIGIT}${DIGIT}${DIGIT}`,
  G: `${DIGIT}${DIGIT}${DIGIT}${DIGIT}`,
  b: MONTHS.join('|'),
  m: `1[0-2]|0[1-9]|[1-9]`,
  d: `3[01]|[12]${DIGIT}|0[1-9]|[1-9]| [1-9]`,
  j: `36[0-6]|3[0-5]${DIGIT}|[12]${DIGIT}${DIGIT}|0[1-9]${DIGIT}|00[1-9]|[1-9]${DIGIT}|0[1-9]|[1-9]`,
  w: '[0-6]',
  U: `5[0-3]|[0-4]${DIGIT}|${DIGIT}`,
  W: `5[0-3]|[0-4]${DIGIT}|${DIGIT}`,
  V: `5[0-3]|0[1-9]|[1-4]${DIGIT}|${DIGIT}`,
};

/** The directives this parser knows, for messages. */
export const DATE_DIRECTIVES = Object.keys(DIRECTIVES).map((name) => `%${name}`);

interface CompiledFormat {
  regex: RegExp;
  /** The directive of each capture group, in order. */
  groups: string[];
}

const compiled = new Map<string, CompiledFormat>();

/** Turn `format` into an anchored pattern; an unknown directive is a configuration error. */
function compile(format: string): CompiledFormat {
  let found = compiled.get(format);
  if (found) return found;
  const groups: string[] = [];
  let source = '';
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    if (char !== '%') {
      // Python turns a run of whitespace in the format into `\s+`.
      if (/\s/.test(char)) {
        while (i + 1 < format.length && /\s/.test(format[i + 1]!)) i++;
        source += '\\s+';
      } else source += char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      continue;
    }
    const name = format[++i];
    if (name === '%') {
      source += '%';
    } else if (name !== undefined && DIRECTIVES[name]) {
      groups.push(name);
      source += `(${DIRECTIVES[name]})`;
    } else {
      throw new ImproperlyConfigured(MESSAGES.unparsedDateDirective(format, name ?? '', DATE_DIRECTIVES));
    }
  }
  found = { regex: new RegExp(`^${source}$`, 'iu'), groups };
  if (compiled.size < 100) compiled.set(format, found);
  return found;
}

/** The value of Unicode decimal digits (Python's `int()` of what `\d` matched). */
function digitsValue(text: string): number {
  let value = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // Unicode's decimal digits come in runs of ten from a zero: find the run's start.
    let start = code;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    value = value * 10 + ((code - start) % 10);
  }
  return value;
}

/**
 * The calendar date (a `Date` at 00:00 UTC) `text` gives in `format`, as Python's
 * `strptime()` computes it, or `null` where Python raises `ValueError` (the text does not
 * match, or names no date from year 1 to 9999).
 */
export function parseDate(text: string, format: string): Date | null {
  const { regex, groups } = compile(format);
  const match = regex.exec(text);
  if (!match) return null;
  const parts: Record<string, string> = {};
  groups.forEach((name, index) => {
    parts[name] = match[index + 1]!;
  });
  if (parts.V !== undefined && parts.G === undefined) return null;
  if (parts.G !== undefined && (parts.V === undefined || parts.w === undefined || parts.j !== undefined)) return null;

  const number = (name: string) => (parts[name] === undefined ? undefined : digitsValue(parts[name].trim()));
  let year = number('Y') ?? 1900;
  const month = parts.b !== undefined ? MONTHS.indexOf(parts.b.toLowerCase()) + 1 : (number('m') ?? 1);
  if (month === 0) return null; // a letter that only matched case-insensitively ('ſep')
  const day = number('d') ?? 1;
  // Python's weekday: Monday 0 … Sunday 6 (`%w` counts from Sunday).
  const w = number('w');
  const dayOfWeek = w === undefined ? undefined : (w + 6) % 7;
  let julian = number('j');

  if (parts.G !== undefined) {
    const isoYear = number('G')!;
    if (isoYear < MIN_YEAR || isoYear > MAX_YEAR) return null;
    [year, julian] = julianFromIsoWeek(isoYear, number('V')!, dayOfWeek! + 1);
  } else if (julian === undefined && dayOfWeek !== undefined) {
    const week = parts.U !== undefined ? number('U') : number('W');
    if (week !== undefined) julian = julianFromWeek(year, week, dayOfWeek, parts.W !== undefined);
  }
  if (julian !== undefined && julian <= 0) {
    year -= 1;
    julian += isLeapYear(year) ? 366 : 365;
  }
  if (julian === undefined) return calendarDate(year, month, day);
  const first = calendarDate(year, 1, 1);
  return first && addDays(first, julian - 1);
}

/** Python's `_calc_julian_from_U_or_W`: the day of the year of a `%U`/`%W` week and weekday. */
function julianFromWeek(year: number, week: number, dayOfWeek: number, weekStartsMonday: boolean): number | undefined {
  const first = calendarDate(year, 1, 1);
  if (!first) return undefined;
  let firstWeekday = weekday(first);
  if (!weekStartsMonday) {
    firstWeekday = (firstWeekday + 1) % 7;
    dayOfWeek = (dayOfWeek + 1) % 7;
  }
  if (week === 0) return 1 + dayOfWeek - firstWeekday;
  const week0Length = (7 - firstWeekday) % 7;
  return 1 + week0Length + 7 * (week - 1) + dayOfWeek;
}

/** Python's `_calc_julian_from_V`: the year and day of the year of an ISO week and ISO weekday (1 Monday). */
function julianFromIsoWeek(isoYear: number, isoWeek: number, isoWeekday: number): [number, number] {
  const january4 = calendarDate(isoYear, 1, 4)!;
  const correction = weekday(january4) + 1 + 3;
  return [isoYear, isoWeek * 7 + isoWeekday - correction];
}

/**
 * Django's `_date_from_string()`: the date that the year, month and day (absent parts
 * empty) give in their formats, read together as `<year>__<month>__<day>` in
 * `<yearFormat>__<monthFormat>__<dayFormat>`; 404 with Django's message when they give none.
 */
export function dateFromString(
  year: string,
  yearFormat: string,
  month = '',
  monthFormat = '',
  day = '',
  dayFormat = '',
): Date {
  const text = [year, month, day].join('__');
  const format = [yearFormat, monthFormat, dayFormat].join('__');
  const date = parseDate(text, format);
  if (!date) throw new Http404(MESSAGES.invalidDateString(text, format));
  return date;
}
