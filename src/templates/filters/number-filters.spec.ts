import { describe, expect, it } from '@jest/globals';
import { filesizeformat, floatformat } from './number-filters.js';

describe('floatformat filter', () => {
  it('shows one decimal only when there is one, as documented: 34.2, 34, 34.3', () => {
    expect([34.23234, 34.0, 34.26].map((value) => floatformat(value))).toEqual(['34.2', '34', '34.3']);
  });

  it('shows exactly that many decimals with a positive argument: 34.232, 34.000, 34.260', () => {
    expect([34.23234, 34.0, 34.26].map((value) => floatformat(value, 3))).toEqual(['34.232', '34.000', '34.260']);
  });

  it('rounds to a whole number with "0": 34, 34, 40', () => {
    expect([34.23234, 34.0, 39.56].map((value) => floatformat(value, '0'))).toEqual(['34', '34', '40']);
  });

  it('shows the decimals only if there are some with a negative argument: 34.232, 34, 34.260', () => {
    expect([34.23234, 34.0, 34.26].map((value) => floatformat(value, '-3'))).toEqual(['34.232', '34', '34.260']);
  });

  it('groups thousands with the "g" suffix: 34,232.34, 34,232.1, 34,232', () => {
    expect(floatformat(34232.34, '2g')).toBe('34,232.34');
    expect(floatformat(34232.06, 'g')).toBe('34,232.1');
    expect(floatformat(34232.0, '-3g')).toBe('34,232');
    expect(floatformat(1234567.891, '2g')).toBe('1,234,567.89');
  });

  it('turns localization off with "u" ("2u" → 34.23), and Django’s default settings then group nothing ("gu")', () => {
    expect(floatformat(34.23234, '2u')).toBe('34.23');
    expect(floatformat(34232.34, '2gu')).toBe('34232.34');
    expect(floatformat(34232.34, '2ug')).toBe('34232.34');
    expect(floatformat(34232.34, 'u')).toBe('34232.3');
  });

  it('rounds halves away from zero on the decimal text, as Python’s Decimal with ROUND_HALF_UP', () => {
    expect(floatformat(0.125, 2)).toBe('0.13');
    expect(floatformat(-0.125, 2)).toBe('-0.13');
    expect(floatformat(9.995, 2)).toBe('10.00');
    expect(floatformat(999.96, 1)).toBe('1000.0');
  });

  it('drops the sign of a number that rounds to zero', () => {
    expect(floatformat(-0.01, -1)).toBe('0.0');
    expect(floatformat(-0.001, 2)).toBe('0.00');
    expect(floatformat(-0.499, 0)).toBe('0');
    expect(floatformat(-1.5, 0)).toBe('-2');
  });

  it('reads numeric strings and exponents, and gives "" for what is not a number', () => {
    expect(floatformat('34.26000')).toBe('34.3');
    expect(floatformat(' 7 ', 2)).toBe('7.00');
    expect(floatformat(1e-7, 8)).toBe('0.00000010');
    expect(floatformat(1e21)).toBe('1000000000000000000000');
    expect(floatformat('foo')).toBe('');
    expect(floatformat(null)).toBe('');
    expect(floatformat({})).toBe('');
  });

  it('gives the value back for a bad argument, NaN or infinity, as Django does', () => {
    expect(floatformat(34.2, 'bar')).toBe('34.2');
    expect(floatformat(Number.NaN)).toBe('nan');
    expect(floatformat(Infinity, 2)).toBe('inf');
  });
});

describe('filesizeformat filter', () => {
  it('shows 123456789 as "117.7\xa0MB", as documented', () => {
    expect(filesizeformat(123456789)).toBe('117.7\xa0MB');
  });

  it('counts bytes up to 1023, then KB, MB, GB, TB and PB, with non-breaking spaces', () => {
    expect(filesizeformat(0)).toBe('0\xa0bytes');
    expect(filesizeformat(1)).toBe('1\xa0byte');
    expect(filesizeformat(1023)).toBe('1023\xa0bytes');
    expect(filesizeformat(1024)).toBe('1.0\xa0KB');
    expect(filesizeformat(10 * 1024)).toBe('10.0\xa0KB');
    expect(filesizeformat(1024 * 1024 - 1)).toBe('1024.0\xa0KB');
    expect(filesizeformat(1024 * 1024 * 50)).toBe('50.0\xa0MB');
    expect(filesizeformat(1024 ** 3)).toBe('1.0\xa0GB');
    expect(filesizeformat(1024 ** 4)).toBe('1.0\xa0TB');
    expect(filesizeformat(1024 ** 5)).toBe('1.0\xa0PB');
    expect(filesizeformat(1024 ** 5 * 2000)).toBe('2000.0\xa0PB');
  });

  it('rounds a half to even, as Python’s round(): 1280 bytes is 1.2 KB', () => {
    expect(filesizeformat(1280)).toBe('1.2\xa0KB');
    expect(filesizeformat(1331)).toBe('1.3\xa0KB');
  });

  it('formats negative sizes and numeric strings, and "0\xa0bytes" for anything else', () => {
    expect(filesizeformat(-100)).toBe('-100\xa0bytes');
    expect(filesizeformat(-1024 * 1024 * 50)).toBe('-50.0\xa0MB');
    expect(filesizeformat('2048')).toBe('2.0\xa0KB');
    expect(filesizeformat('')).toBe('0\xa0bytes');
    expect(filesizeformat('1.5')).toBe('0\xa0bytes');
    expect(filesizeformat(null)).toBe('0\xa0bytes');
    expect(filesizeformat(Number.NaN)).toBe('0\xa0bytes');
  });
});
