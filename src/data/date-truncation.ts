import type { DateKind } from './object-source.interface.js';

/** A column's values truncated to a period in SQL, for `SELECT DISTINCT`. */
export interface DateTruncation {
  /** The SQL expression; `:dateTimeZone` stands for the time zone when `usesTimeZone`. */
  sql: string;
  usesTimeZone: boolean;
  /** `true`: each value is the period's first day as `YYYY-MM-DD`; `false`: raw instants, truncated in memory. */
  exact: boolean;
}

const SQLITE = new Set([
  'sqlite',
  'better-sqlite3',
  'sqljs',
  'capacitor',
  'cordova',
  'react-native',
  'expo',
  'nativescript',
]);
const POSTGRES = new Set(['postgres', 'aurora-postgres', 'cockroachdb']);
const SQLITE_FORMATS: Readonly<Record<DateKind, string>> = { year: '%Y-01-01', month: '%Y-%m-01', day: '%Y-%m-%d' };

/**
 * How the `driver` truncates `column` (`alias.property`, which TypeORM escapes) to `kind`
 * in `timeZone`. Datetimes in a `timestamp without time zone` column (TypeORM's `Date` on
 * PostgreSQL) are taken as UTC, as TypeORM writes them from a process running in UTC.
 */
export function dateTruncation(
  driver: string | undefined,
  column: string,
  kind: DateKind,
  fieldKind: 'date' | 'datetime',
  timeZone: string,
  zoned = false,
): DateTruncation {
  const utc = fieldKind === 'date' || timeZone === 'UTC';
  if (driver && SQLITE.has(driver)) {
    if (utc) return { sql: `strftime('${SQLITE_FORMATS[kind]}', ${column})`, usesTimeZone: false, exact: true };
    // SQLite knows no time zones: group by UTC quarter hour (every zone's offset is a
    // multiple of 15 minutes), and find each one's day in the zone in memory.
    const quarter = `printf('%02d', CAST(strftime('%M', ${column}) AS INTEGER) / 15 * 15)`;
    return { sql: `strftime('%Y-%m-%dT%H', ${column}) || ':' || ${quarter} || 'Z'`, usesTimeZone: false, exact: false };
  }
  if (driver && POSTGRES.has(driver)) {
    // A `timestamptz` is an instant; a `timestamp` is UTC's wall clock, made an instant first.
    const instant = zoned ? column : `(${column}) AT TIME ZONE 'UTC'`;
    const local = utc && !zoned ? column : `${instant} AT TIME ZONE :dateTimeZone`;
    return {
      sql: `to_char(date_trunc('${kind}', ${local}), 'YYYY-MM-DD')`,
      usesTimeZone: !(utc && !zoned),
      exact: true,
    };
  }
  return { sql: column, usesTimeZone: false, exact: false };
}
