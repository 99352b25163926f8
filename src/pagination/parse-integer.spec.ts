import { describe, expect, it } from '@jest/globals';
import { parseInteger } from './parse-integer.js';

describe('parseInteger (Python int() rules)', () => {
  it.each([
    ['2', 2],
    [' 2 ', 2],
    ['\t2\n', 2],
    ['\u30002\u3000', 2],
    ['+2', 2],
    ['-3', -3],
    ['007', 7],
    ['1_0', 10],
    ['1_000_000', 1000000],
    ['２', 2],
    ['１２', 12],
    ['٣٤', 34],
    ['\u{1D7D8}', 0],
    ['\u{1D7DF}\u{1D7E0}', 78],
    [2, 2],
    [2.0, 2],
    [-4, -4],
    [true, 1],
    [false, 0],
    [5n, 5],
  ])('reads %j as %j', (input, expected) => {
    expect(parseInteger(input)).toBe(expected);
  });

  it.each([
    '2.0',
    '1e0',
    '0x2',
    '',
    '   ',
    'abc',
    'last',
    '+',
    '+-2',
    '+ 2',
    '1 2',
    '_1',
    '1_',
    '1__0',
    '+_1',
    '²',
    '①',
    '＋2',
    '\uFEFF2',
    '\x1c2',
  ])('refuses the string %j', (input) => {
    expect(parseInteger(input)).toBeNull();
  });

  it.each([2.5, NaN, Infinity, null, undefined, {}, [2]])('refuses the value %p', (input) => {
    expect(parseInteger(input)).toBeNull();
  });

  it('reads minus zero as zero, as Python has no -0', () => {
    expect(Object.is(parseInteger('-0'), 0)).toBe(true);
  });
});
