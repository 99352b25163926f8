import { describe, expect, it } from '@jest/globals';
import { expectLinear } from '../../../test/utils/linear.js';
import { defaultFilter, defaultIfNone, pluralize, yesno } from './logic-filters.js';

describe('default filter', () => {
  it('gives "nothing" for "", as documented, and for every value false in Python', () => {
    for (const value of ['', 0, null, undefined, false, [], {}, new Map(), Number.NaN])
      expect(defaultFilter(value, 'nothing')).toBe('nothing');
  });

  it('keeps a true value', () => {
    for (const value of ['x', 1, true, [0], { a: 1 }, new Date(0)]) expect(defaultFilter(value, 'nothing')).toBe(value);
  });
});

describe('default_if_none filter', () => {
  it('gives "nothing" for None (null or undefined) only, as documented', () => {
    expect(defaultIfNone(null, 'nothing')).toBe('nothing');
    expect(defaultIfNone(undefined, 'nothing')).toBe('nothing');
    expect(defaultIfNone('', 'nothing')).toBe('');
    expect(defaultIfNone(0, 'nothing')).toBe(0);
  });
});

describe('yesno filter', () => {
  it('maps True, False and None to "yeah,no,maybe", as documented', () => {
    expect([true, false, null].map((value) => yesno(value, 'yeah,no,maybe'))).toEqual(['yeah', 'no', 'maybe']);
  });

  it('gives None the second choice when there are two: "yeah,no"', () => {
    expect(yesno(null, 'yeah,no')).toBe('no');
  });

  it('says "yes,no,maybe" by default, and gives the value back for a bad argument', () => {
    expect([1, '', undefined, []].map((value) => yesno(value))).toEqual(['yes', 'no', 'maybe', 'no']);
    expect(yesno(true, 'yes')).toBe(true);
  });
});

describe('pluralize filter', () => {
  it('adds "s" unless the count is 1: "You have 1 message." / "You have 2 messages."', () => {
    expect(`You have 1 message${pluralize(1)}.`).toBe('You have 1 message.');
    expect(`You have 2 message${pluralize(2)}.`).toBe('You have 2 messages.');
    expect(pluralize(0)).toBe('s');
  });

  it('takes the plural suffix ("es") or both suffixes ("y,ies"), as documented', () => {
    expect([1, 2].map((count) => `walrus${pluralize(count, 'es')}`)).toEqual(['walrus', 'walruses']);
    expect([1, 2].map((count) => `cherr${pluralize(count, 'y,ies')}`)).toEqual(['cherry', 'cherries']);
  });

  it('counts numeric strings, lists and objects, and gives "" for the rest or more than two suffixes', () => {
    expect([
      pluralize('1'),
      pluralize(' 1.0 '),
      pluralize('2'),
      pluralize([1]),
      pluralize([1, 2]),
      pluralize({ a: 1 }),
      pluralize('nan'),
    ]).toEqual(['', '', 's', '', 's', '', 's']);
    expect([pluralize('x'), pluralize(null), pluralize(1, 'y,ies,es')]).toEqual(['', '', '']);
  });

  it('takes linear time on a 10^5-character argument', () => {
    expectLinear((n) => expect(pluralize(2, ','.repeat(n))).toBe(''));
    expectLinear((n) => expect(pluralize('1'.repeat(n) + 'x')).toBe(''));
  });
});
