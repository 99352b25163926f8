import { describe, expect, it } from '@jest/globals';
import { expectLinear } from '../../../test/utils/linear.js';
import { dateFilter, timeFilter, timesinceFilter, timeuntilFilter } from './date-filters.js';
import { formatDate } from './date-format.js';

const utc = (...parts: [number, number, number, number?, number?, number?, number?]) =>
  new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0, parts[4] ?? 0, parts[5] ?? 0, parts[6] ?? 0));
const format = (date: Date, characters: string, timeZone = 'UTC') => formatDate(date, characters, timeZone);

describe('date filter', () => {
  it('formats "D d M Y" as Django’s documentation shows: Wed 09 Jan 2008', () => {
    expect(dateFilter(utc(2008, 1, 9), 'D d M Y', 'UTC')).toBe('Wed 09 Jan 2008');
  });

  it('uses DATE_FORMAT ("N j, Y") without a format, and Django’s English named formats', () => {
    const value = utc(2008, 1, 9, 16, 30);
    expect(dateFilter(value, undefined, 'UTC')).toBe('Jan. 9, 2008');
    expect(dateFilter(value, 'DATE_FORMAT', 'UTC')).toBe('Jan. 9, 2008');
    expect(dateFilter(value, 'SHORT_DATE_FORMAT', 'UTC')).toBe('01/09/2008');
    expect(dateFilter(value, 'DATETIME_FORMAT', 'UTC')).toBe('Jan. 9, 2008, 4:30 p.m.');
    expect(dateFilter(value, 'SHORT_DATETIME_FORMAT', 'UTC')).toBe('01/09/2008 4:30 p.m.');
    expect(dateFilter(value, 'TIME_FORMAT', 'UTC')).toBe('4:30 p.m.');
    expect(dateFilter(value, 'YEAR_MONTH_FORMAT', 'UTC')).toBe('January 2008');
    expect(dateFilter(value, 'MONTH_DAY_FORMAT', 'UTC')).toBe('January 9');
  });

  it('prints nothing for what is not a valid Date, as Django does', () => {
    for (const value of [null, undefined, '', '2008-01-09', 1199836800000, new Date(Number.NaN)])
      expect(dateFilter(value, 'Y', 'UTC')).toBe('');
  });

  it('prints the day characters as Django’s table documents them', () => {
    const value = utc(2000, 12, 21, 16, 1, 7, 123);
    expect(format(value, 'd j D l N S w z W')).toBe('21 21 Thu Thursday Dec. st 4 356 51');
    expect(format(value, 'm n M b E F y Y L t')).toBe('12 12 Dec dec December December 00 2000 True 31');
    expect(format(value, 'U')).toBe('977414467');
    expect(format(value, 'u')).toBe('123000');
  });

  it('writes months in Associated Press style (N): Jan., Feb., March, May, Sept.', () => {
    expect([1, 2, 3, 5, 9].map((month) => format(utc(2023, month, 1), 'N'))).toEqual([
      'Jan.',
      'Feb.',
      'March',
      'May',
      'Sept.',
    ]);
  });

  it('picks English ordinal suffixes (S): st, nd, rd, th, and th for 11 to 13', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map((day) => format(utc(2023, 1, day), 'jS')).join(' ')).toBe(
      '1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 31st',
    );
  });

  it('counts ISO weeks and years (W, o) across new year', () => {
    expect(format(utc(2008, 12, 29), 'W o')).toBe('1 2009');
    expect(format(utc(2010, 1, 3), 'W o')).toBe('53 2009');
    expect(format(utc(1999, 1, 1), 'z')).toBe('1');
    expect(format(utc(2024, 2, 1), 't L')).toBe('29 True');
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 1, 1);
    expect(format(year50, 'Y y t z W')).toBe('0050 50 28 32 5');
  });

  it('prints the time characters as documented: a.m., 1:30, noon, midnight', () => {
    expect(format(utc(2023, 1, 1, 0, 0), 'P')).toBe('midnight');
    expect(format(utc(2023, 1, 1, 12, 0), 'P')).toBe('noon');
    expect(format(utc(2023, 1, 1, 1, 0), 'P')).toBe('1 a.m.');
    expect(format(utc(2023, 1, 1, 13, 30), 'P')).toBe('1:30 p.m.');
    expect(format(utc(2023, 1, 1, 12, 30), 'P')).toBe('12:30 p.m.');
    expect(format(utc(2023, 1, 1, 13, 5, 9), 'a A f g G h H i s')).toBe('p.m. PM 1:05 1 13 01 13 05 09');
    expect(format(utc(2023, 1, 1, 0, 5), 'g h G H f')).toBe('12 12 0 00 12:05');
  });

  it('formats c and r as ISO 8601 and RFC 5322, with the offset of the time zone', () => {
    expect(format(utc(2008, 1, 2, 10, 30, 0, 123), 'c')).toBe('2008-01-02T10:30:00.123000+00:00');
    expect(format(utc(2008, 1, 2, 10, 30), 'c')).toBe('2008-01-02T10:30:00+00:00');
    expect(format(utc(2000, 12, 21, 14, 1, 7), 'r', 'Africa/Cairo')).toBe('Thu, 21 Dec 2000 16:01:07 +0200');
  });

  it('reads the clock in the configured time zone, with its offset, abbreviation and DST flag', () => {
    const summer = utc(2023, 7, 1, 22, 30);
    expect(format(summer, 'Y-m-d H:i O T e I Z')).toBe('2023-07-01 22:30 +0000 UTC UTC 0 0');
    expect(format(summer, 'Y-m-d H:i O T I Z', 'Europe/Paris')).toBe('2023-07-02 00:30 +0200 CEST 1 7200');
    expect(format(utc(2023, 1, 1, 12), 'H:i O T I', 'Europe/Paris')).toBe('13:00 +0100 CET 0');
    expect(format(utc(2023, 1, 1, 12), 'H:i O T I', 'America/New_York')).toBe('07:00 -0500 EST 0');
    expect(format(utc(2023, 1, 1, 12), 'H:i O T', 'Asia/Kolkata')).toBe('17:30 +0530 IST');
    expect(format(utc(2023, 1, 1, 12), 'c T', 'Asia/Dubai')).toBe('2023-01-01T16:00:00+04:00 +04');
  });

  it('keeps a backslash-escaped character as it is, Django’s way', () => {
    const value = utc(2008, 1, 9);
    expect(format(value, 'l \\t\\h\\e jS')).toBe('Wednesday the 9th');
    expect(format(value, '\\\\Y')).toBe('\\Y');
    expect(format(value, 'Y\\')).toBe('2008\\');
    expect(format(value, 'Y-m-d # %')).toBe('2008-01-09 # %');
  });

  it('formats a 10^5-character format in linear time', () => {
    const value = utc(2008, 1, 9);
    expectLinear((n) => expect(format(value, '\\'.repeat(n))).toHaveLength(n / 2));
    expectLinear((n) => expect(format(value, 'Y'.repeat(n))).toHaveLength(4 * n));
  });
});

describe('time filter', () => {
  it('formats "H:i" and TIME_FORMAT ("P") by default', () => {
    const value = utc(2008, 1, 9, 1, 23);
    expect(timeFilter(value, 'H:i', 'UTC')).toBe('01:23');
    expect(timeFilter(value, undefined, 'UTC')).toBe('1:23 a.m.');
    expect(timeFilter(value, 'TIME_FORMAT', 'UTC')).toBe('1:23 a.m.');
  });

  it('prints nothing for a format with date characters, as Django’s TimeFormat does', () => {
    expect(timeFilter(utc(2008, 1, 9), 'D H:i', 'UTC')).toBe('');
    expect(timeFilter(utc(2008, 1, 9), '\\D H:i', 'UTC')).toBe('D 00:00');
  });
});

describe('timesince and timeuntil filters', () => {
  it('gives "8 hours" from midnight to 08:00 on 1 June 2006, as documented', () => {
    expect(timesinceFilter(utc(2006, 6, 1), utc(2006, 6, 1, 8))).toBe('8\xa0hours');
  });

  it('gives the two largest units with non-breaking spaces: 2\xa0days, 3\xa0hours', () => {
    expect(timesinceFilter(utc(2019, 12, 1), utc(2019, 12, 3, 3, 59))).toBe('2\xa0days, 3\xa0hours');
    expect(timesinceFilter(utc(2019, 12, 1), utc(2021, 2, 15))).toBe('1\xa0year, 2\xa0months');
    expect(timesinceFilter(utc(2019, 12, 1), utc(2019, 12, 1, 0, 1))).toBe('1\xa0minute');
  });

  it('counts months from a pivot day (February has 28 days) and stops at the first zero unit', () => {
    expect(timesinceFilter(utc(2019, 1, 31), utc(2019, 3, 8))).toBe('1\xa0month, 1\xa0week');
    expect(timesinceFilter(utc(2019, 1, 31), utc(2019, 3, 1))).toBe('1\xa0month');
    expect(timesinceFilter(utc(2019, 1, 1), utc(2019, 12, 31))).toBe('11\xa0months, 4\xa0weeks');
  });

  it('gives "0 minutes" for a date in the future or under a minute ago, and nothing for a non-date', () => {
    expect(timesinceFilter(utc(2020, 1, 2), utc(2020, 1, 1))).toBe('0\xa0minutes');
    expect(timesinceFilter(utc(2020, 1, 1), utc(2020, 1, 1, 0, 0, 59))).toBe('0\xa0minutes');
    expect(timesinceFilter('2020-01-01', utc(2020, 1, 1))).toBe('');
    expect(timesinceFilter(utc(2020, 1, 1), 'tomorrow')).toBe('');
  });

  it('measures to now without an argument', () => {
    expect(timesinceFilter(new Date(Date.now() - 3 * 86_400_000 - 60_000))).toBe('3\xa0days');
  });

  it('timeuntil: 4 weeks to 29 June from 1 June 2006, and 1 week from 22 June, as documented', () => {
    expect(timeuntilFilter(utc(2006, 6, 29), utc(2006, 6, 1))).toBe('4\xa0weeks');
    expect(timeuntilFilter(utc(2006, 6, 29), utc(2006, 6, 22))).toBe('1\xa0week');
  });
});
