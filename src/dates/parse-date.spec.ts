import { describe, expect, it } from '@jest/globals';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { Http404 } from '../exceptions/http404.exception.js';
import { isoDate } from './calendar.js';
import { dateFromString, parseDate } from './parse-date.js';

const parsed = (text: string, format: string) => {
  const date = parseDate(text, format);
  return date && isoDate(date);
};

// Every expectation was produced by Python 3.11's datetime.strptime(text, format).date().
describe('parseDate()', () => {
  it.each([
    ['2008__0__0', '%Y__%w__%U', '2007-12-30'],
    ['2007__0__0', '%Y__%w__%U', '2006-12-31'],
    ['2012__0__0', '%Y__%w__%U', '2012-01-01'],
    ['2008__0__1', '%Y__%w__%U', '2008-01-06'],
    ['2008__0__53', '%Y__%w__%U', '2009-01-04'],
    ['2008__1__0', '%Y__%w__%W', '2007-12-31'],
    ['2008__1__52', '%Y__%w__%W', '2008-12-29'],
  ])('reads %s in %s (weeks across a year boundary) as %s', (text, format, expected) => {
    expect(parsed(text, format)).toBe(expected);
  });

  it.each([
    ['2009__1__1', '2008-12-29'],
    ['2009__1__53', '2009-12-28'],
    ['2010__1__1', '2010-01-04'],
    ['2015__1__53', '2015-12-28'],
  ])('reads the ISO week %s in %%G__%%w__%%V as %s', (text, expected) => {
    expect(parsed(text, '%G__%w__%V')).toBe(expected);
  });

  it('reads leap days, and refuses them in other years', () => {
    expect(parsed('2008__feb__29', '%Y__%b__%d')).toBe('2008-02-29');
    expect(parsed('2007__feb__29', '%Y__%b__%d')).toBeNull();
    expect(parsed('2008__02__31', '%Y__%m__%d')).toBeNull();
  });

  it('reads %j, which wins over the month, and rolls day 366 of a common year into the next', () => {
    expect(parsed('2008__060__', '%Y__%j__')).toBe('2008-02-29');
    expect(parsed('2008__366__', '%Y__%j__')).toBe('2008-12-31');
    expect(parsed('2007__366__', '%Y__%j__')).toBe('2008-01-01');
    expect(parsed('2008__jan__060', '%Y__%b__%j')).toBe('2008-02-29');
  });

  it('matches %b in any case, English abbreviations only', () => {
    expect(parsed('2008__FeB__29', '%Y__%b__%d')).toBe('2008-02-29');
    expect(parsed('2008__sept__1', '%Y__%b__%d')).toBeNull();
    expect(parsed('2008__ſep__1', '%Y__%b__%d')).toBeNull();
  });

  it('needs four digits for %Y, which may be any Unicode decimal digits, as Python’s \\d', () => {
    expect(parsed('2008____', '%Y____')).toBe('2008-01-01');
    expect(parsed('08____', '%Y____')).toBeNull();
    expect(parsed('２００８____', '%Y____')).toBe('2008-01-01');
  });

  it('takes a space before a one-digit %d, and a one-digit %m', () => {
    expect(parsed('2008__2__ 9', '%Y__%m__%d')).toBe('2008-02-09');
  });

  it('refuses what Python refuses: year 0, year 10000, week 54, month 13, data left over', () => {
    expect(parsed('0000____', '%Y____')).toBeNull();
    expect(parsed('0001__0__0', '%Y__%w__%U')).toBeNull();
    expect(parsed('9999__6__53', '%Y__%w__%U')).toBeNull();
    expect(parsed('2008__0__54', '%Y__%w__%U')).toBeNull();
    expect(parsed('2008__13__1', '%Y__%m__%d')).toBeNull();
    expect(parsed('2008__2__', '%Y__%w__%V')).toBeNull();
  });

  it('takes linear time on a long text that does not match', () => {
    const started = performance.now();
    expect(parsed(`${'1'.repeat(100_000)}____`, '%Y____')).toBeNull();
    expect(parsed('2008__' + ' '.repeat(100_000) + '__1', '%Y__%m__%d')).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('explains a directive it does not parse', () => {
    expect(() => parseDate('February', '%B')).toThrow(ImproperlyConfigured);
    expect(() => parseDate('February', '%B')).toThrow(
      "The date format '%B' uses '%B', which the date views do not parse. Use %Y, %G, %b, %m, %d, %j, %w, %U, %W, %V.",
    );
  });
});

describe('dateFromString()', () => {
  it('joins the parts and formats with "__" in Django’s message', () => {
    expect(() => dateFromString('2008', '%Y', 'feb', '%b', '31', '%d')).toThrow(Http404);
    expect(() => dateFromString('2008', '%Y', 'feb', '%b', '31', '%d')).toThrow(
      'Invalid date string “2008__feb__31” given format “%Y__%b__%d”',
    );
    expect(() => dateFromString('208', '%Y')).toThrow('Invalid date string “208____” given format “%Y____”');
  });
});
