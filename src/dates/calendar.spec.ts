import { describe, expect, it } from '@jest/globals';
import { calendarDate, dateInZone, distinctDates, fieldDate, isoDate, startOfDateInZone } from './calendar.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('calendar dates in a time zone', () => {
  it('reads an instant’s day in the zone', () => {
    expect(isoDate(dateInZone(new Date('2008-02-10T23:30:00Z'), 'UTC'))).toBe('2008-02-10');
    expect(isoDate(dateInZone(new Date('2008-02-10T23:30:00Z'), 'Europe/Paris'))).toBe('2008-02-11');
    expect(isoDate(dateInZone(new Date('2008-02-10T02:00:00Z'), 'America/New_York'))).toBe('2008-02-09');
  });

  it('finds the first instant of a day, in winter, in summer and at a half-hour offset', () => {
    expect(startOfDateInZone(day('2008-02-11'), 'Europe/Paris').toISOString()).toBe('2008-02-10T23:00:00.000Z');
    expect(startOfDateInZone(day('2008-06-15'), 'Europe/Paris').toISOString()).toBe('2008-06-14T22:00:00.000Z');
    expect(startOfDateInZone(day('2008-02-10'), 'Asia/Kolkata').toISOString()).toBe('2008-02-09T18:30:00.000Z');
    expect(startOfDateInZone(day('2008-02-10'), 'UTC').toISOString()).toBe('2008-02-10T00:00:00.000Z');
  });

  it('starts a day whose midnight a clock change skips where the gap ends', () => {
    // São Paulo went from 00:00 (UTC-3) to 01:00 (UTC-2) on 4 November 2018.
    expect(startOfDateInZone(day('2018-11-04'), 'America/Sao_Paulo').toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(startOfDateInZone(day('2018-11-05'), 'America/Sao_Paulo').toISOString()).toBe('2018-11-05T02:00:00.000Z');
  });

  it('keeps years below 100 as they are', () => {
    expect(isoDate(calendarDate(8, 2, 29)!)).toBe('0008-02-29');
    expect(calendarDate(7, 2, 29)).toBeNull();
    expect(calendarDate(10000, 1, 1)).toBeNull();
  });

  it('reads a date column’s text as a date in no zone, and a datetime in the zone', () => {
    expect(isoDate(fieldDate('2008-02-10', 'Pacific/Kiritimati')!)).toBe('2008-02-10');
    expect(isoDate(fieldDate(new Date('2008-02-10T12:00:00Z'), 'Pacific/Kiritimati')!)).toBe('2008-02-11');
    expect(fieldDate(null, 'UTC')).toBeNull();
  });

  it('groups values into distinct months, in either order', () => {
    const values = ['2008-02-10', new Date('2008-02-29T23:30:00Z'), new Date('2008-01-31T23:30:00Z'), null];
    expect(distinctDates(values, 'month', 'ASC', 'UTC').map(isoDate)).toEqual(['2008-01-01', '2008-02-01']);
    expect(distinctDates(values, 'month', 'DESC', 'Europe/Paris').map(isoDate)).toEqual(['2008-03-01', '2008-02-01']);
  });
});
