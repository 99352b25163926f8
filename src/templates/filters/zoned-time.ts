import { wallClock } from '../../dates/calendar.js';

/** A moment as a clock in one IANA time zone shows it, with what Python's `tzinfo` tells of it. */
export interface ZonedTime {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Python's `weekday()`: 0 for Monday to 6 for Sunday. */
  readonly weekday: number;
  /** Seconds east of UTC (Python's `utcoffset()`). */
  readonly offset: number;
  /** Whether daylight saving time is in effect (Python's `dst()` is not zero). */
  readonly dst: boolean;
  /** The abbreviation Python's `tzname()` gives: `UTC`, `EST`, `CET`, `+04`. */
  readonly abbreviation: string;
  /** The Unix time in milliseconds. */
  readonly time: number;
}

/**
 * Intl has no tz database abbreviations outside the US (en-US says `GMT+1` for Paris), so the
 * common ones are named here from the long names Intl gives. A zone missing here shows its
 * numeric abbreviation (`+01`), which is what the tz database itself uses for many zones.
 * Checked against Python's zoneinfo for every zone Intl lists, in January and July 2023 and
 * April 1995: a few zones still differ (`+08` for Antarctica/Casey, `+0530` for Asia/Colombo…).
 */
const ABBREVIATIONS: Record<string, string> = {
  'Coordinated Universal Time': 'UTC',
  'Greenwich Mean Time': 'GMT',
  'British Summer Time': 'BST',
  'Irish Standard Time': 'IST',
  'Western European Standard Time': 'WET',
  'Western European Summer Time': 'WEST',
  'Central European Standard Time': 'CET',
  'Central European Summer Time': 'CEST',
  'Eastern European Standard Time': 'EET',
  'Eastern European Summer Time': 'EEST',
  'Moscow Standard Time': 'MSK',
  'Israel Standard Time': 'IST',
  'Israel Daylight Time': 'IDT',
  'India Standard Time': 'IST',
  'Pakistan Standard Time': 'PKT',
  'Western Indonesia Time': 'WIB',
  'China Standard Time': 'CST',
  'Hong Kong Standard Time': 'HKT',
  'Philippine Standard Time': 'PST',
  'Japan Standard Time': 'JST',
  'Korean Standard Time': 'KST',
  'South Africa Standard Time': 'SAST',
  'Australian Eastern Standard Time': 'AEST',
  'Australian Eastern Daylight Time': 'AEDT',
  'Australian Central Standard Time': 'ACST',
  'Australian Central Daylight Time': 'ACDT',
  'Australian Western Standard Time': 'AWST',
  'New Zealand Standard Time': 'NZST',
  'New Zealand Daylight Time': 'NZDT',
  'West Africa Time': 'WAT',
  'Central Africa Time': 'CAT',
  'East Africa Time': 'EAT',
  'Moscow Summer Time': 'MSD',
  'Volgograd Summer Time': 'MSD',
  'Central Indonesia Time': 'WITA',
  'Eastern Indonesia Time': 'WIT',
  'Taiwan Standard Time': 'CST',
  'Macao Standard Time': 'CST',
  'Guam Standard Time': 'GST',
  'Northern Mariana Islands Time': 'GST',
  'Chamorro Standard Time': 'ChST',
  'American Samoa Standard Time': 'SST',
  'Hawaii-Aleutian Standard Time': 'HST',
  'Hawaii-Aleutian Daylight Time': 'HDT',
  'Newfoundland Standard Time': 'NST',
  'Newfoundland Daylight Time': 'NDT',
  'Cuba Standard Time': 'CST',
  'Cuba Daylight Time': 'CDT',
  'Mexican Pacific Standard Time': 'MST',
  'Yukon Time': 'MST',
};

const longNames = new Map<string, Intl.DateTimeFormat>();
const shortNames = new Map<string, Intl.DateTimeFormat>();

function formatter(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) cache.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, ...options })));
  return format;
}

/** Seconds east of UTC in `timeZone` at `time`. */
function offsetAt(time: number, timeZone: string): number {
  return Math.round((wallClock(time, timeZone) - time) / 1000);
}

/** The tz database abbreviation, or its numeric form (`+04`, `+0530`) when Intl has no name for it. */
function abbreviation(time: number, timeZone: string, offset: number): string {
  const name = (style: 'long' | 'short') =>
    formatter(style === 'long' ? longNames : shortNames, timeZone, { timeZoneName: style })
      .formatToParts(time)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  const known = ABBREVIATIONS[name('long')];
  if (known) return known;
  const short = name('short');
  if (/^[A-Z]{3,5}$/.test(short) && short !== 'GMT') return short;
  const minutes = Math.abs(Math.round(offset / 60));
  const hours = String(Math.floor(minutes / 60)).padStart(2, '0');
  return `${offset < 0 ? '-' : '+'}${hours}${minutes % 60 ? String(minutes % 60).padStart(2, '0') : ''}`;
}

/**
 * `date` as the clocks of `timeZone` show it (an IANA name such as `Europe/Paris`, or `UTC`).
 * The DST flag and the abbreviation are worked out only when a format asks for them.
 */
export function zonedTime(date: Date, timeZone: string): ZonedTime {
  const time = date.getTime();
  const utc = timeZone === 'UTC';
  const offset = utc ? 0 : offsetAt(time, timeZone);
  const wall = new Date(time + offset * 1000);
  const year = wall.getUTCFullYear();
  return {
    year,
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: (wall.getUTCDay() + 6) % 7,
    offset,
    time,
    get dst() {
      // Standard time is the smaller of the January and July offsets (one of them is summer time, north or south).
      return (
        !utc && offset > Math.min(offsetAt(Date.UTC(year, 0, 1), timeZone), offsetAt(Date.UTC(year, 6, 1), timeZone))
      );
    },
    get abbreviation() {
      return utc ? 'UTC' : abbreviation(time, timeZone, offset);
    },
  };
}

/** Throw a `RangeError` unless `timeZone` is an IANA time zone that Intl knows. */
export function checkTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone });
}
