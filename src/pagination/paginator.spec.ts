import { describe, expect, it } from '@jest/globals';
import type { ObjectSource } from '../data/object-source.interface.js';
import { EmptyPage, InvalidPage, PageNotAnInteger } from './invalid-page.exception.js';
import { Page } from './page.js';
import { Paginator } from './paginator.js';
import { rejectionOf, thrownBy } from '../../test/utils/errors.js';

const NOT_AN_INTEGER = 'That page number is not an integer';
const LESS_THAN_1 = 'That page number is less than 1';
const NO_RESULTS = 'That page contains no results';
const NOT_LOADED = 'Paginator.count is not loaded yet: await paginator.load() (page() and getPage() load it).';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A source over `items` that records every call made to it. */
function spySource(items: number[]) {
  const calls = { count: 0, slices: [] as Array<[number, number | undefined]> };
  const source: ObjectSource<number> = {
    async count() {
      calls.count += 1;
      return items.length;
    },
    async slice(offset, limit) {
      calls.slices.push([offset, limit]);
      return items.slice(offset, limit === undefined ? undefined : offset + limit);
    },
  };
  return { source, calls };
}

describe('Paginator construction', () => {
  it('accepts an integer string as perPage', () => {
    expect(new Paginator([], '5').perPage).toBe(5);
  });

  it('counts perPage true as 1, as Python int(True)', () => {
    expect(new Paginator([], true).perPage).toBe(1);
  });

  it('accepts an integral float as perPage', () => {
    expect(new Paginator([], 4.0).perPage).toBe(4);
  });

  it('refuses a perPage that is not an integer', () => {
    expect(() => new Paginator([], 'ten')).toThrow(new TypeError('Paginator perPage must be an integer, not "ten".'));
  });

  it('reads orphans as an integer too', () => {
    expect(new Paginator([], 10, ' 3 ').orphans).toBe(3);
  });

  it('defaults orphans to 0 and allowEmptyFirstPage to true', () => {
    const paginator = new Paginator([], 10);
    expect([paginator.orphans, paginator.allowEmptyFirstPage]).toEqual([0, true]);
  });

  it('has Django’s ellipsis', () => {
    expect(Paginator.ELLIPSIS).toBe('…');
  });
});

describe('Paginator.load()', () => {
  it('refuses to give count before load()', () => {
    expect(() => new Paginator(range(3), 2).count).toThrow(new Error(NOT_LOADED));
  });

  it('refuses to give numPages before load()', () => {
    expect(() => new Paginator(range(3), 2).numPages).toThrow(new Error(NOT_LOADED));
  });

  it('refuses to give pageRange before load()', () => {
    expect(() => new Paginator(range(3), 2).pageRange).toThrow(new Error(NOT_LOADED));
  });

  it('resolves to the paginator itself', async () => {
    const paginator = new Paginator(range(3), 2);
    expect(await paginator.load()).toBe(paginator);
  });

  it('gives the count of an array as its length', async () => {
    expect((await new Paginator(range(23), 10).load()).count).toBe(23);
  });

  it('gives the count of a source from count()', async () => {
    expect((await new Paginator(spySource(range(7)).source, 10).load()).count).toBe(7);
  });

  it('counts once when loaded twice', async () => {
    const { source, calls } = spySource(range(30));
    const paginator = new Paginator(source, 10);
    await paginator.load();
    await paginator.load();
    expect(calls.count).toBe(1);
  });

  it('counts once when loaded twice at the same time', async () => {
    const { source, calls } = spySource(range(30));
    const paginator = new Paginator(source, 10);
    await Promise.all([paginator.load(), paginator.load()]);
    expect(calls.count).toBe(1);
  });

  it('counts once across several pages', async () => {
    const { source, calls } = spySource(range(30));
    const paginator = new Paginator(source, 10);
    await paginator.page(1);
    await paginator.page(3);
    await paginator.getPage(2);
    expect(calls.count).toBe(1);
  });

  it('counts again after a failed count', async () => {
    let attempts = 0;
    const source: ObjectSource<number> = {
      async count() {
        attempts += 1;
        if (attempts === 1) throw new Error('connection lost');
        return 4;
      },
      async slice() {
        return [];
      },
    };
    const paginator = new Paginator(source, 2);
    await expect(paginator.load()).rejects.toThrow('connection lost');
    expect((await paginator.load()).count).toBe(4);
  });
});

describe('Paginator.numPages', () => {
  it('gives the last page the orphans: 23 items by 10 with 3 orphans make 2 pages', async () => {
    expect((await new Paginator(range(23), 10, 3).load()).numPages).toBe(2);
  });

  it('makes 3 pages of 24 items by 10 with 3 orphans', async () => {
    expect((await new Paginator(range(24), 10, 3).load()).numPages).toBe(3);
  });

  it('rounds up a partial last page', async () => {
    expect((await new Paginator(range(21), 10).load()).numPages).toBe(3);
  });

  it('gives a list no bigger than the orphans one page', async () => {
    expect((await new Paginator(range(3), 10, 5).load()).numPages).toBe(1);
  });

  it('gives an empty list one page when allowEmptyFirstPage', async () => {
    expect((await new Paginator([], 10).load()).numPages).toBe(1);
  });

  it('gives an empty list no page without allowEmptyFirstPage', async () => {
    expect((await new Paginator([], 10, 0, false).load()).numPages).toBe(0);
  });

  it('still gives a non-empty list its pages without allowEmptyFirstPage', async () => {
    expect((await new Paginator(range(5), 2, 0, false).load()).numPages).toBe(3);
  });

  it('refuses to divide by a perPage of 0', async () => {
    const paginator = await new Paginator(range(5), 0).load();
    expect(() => paginator.numPages).toThrow(new RangeError('Paginator.perPage is 0: division by zero.'));
  });
});

describe('Paginator.pageRange', () => {
  it('lists the page numbers from 1', async () => {
    expect((await new Paginator(range(5), 2).load()).pageRange).toEqual([1, 2, 3]);
  });

  it('is empty when there is no page', async () => {
    expect((await new Paginator([], 2, 0, false).load()).pageRange).toEqual([]);
  });
});

describe('Paginator.validateNumber()', () => {
  it.each([
    [' 2 ', 2],
    ['+2', 2],
    ['1_0', 10],
    ['２', 2],
    [2.0, 2],
    [true, 1],
    ['10', 10],
  ])('accepts %j as page %j', async (input, expected) => {
    expect(await new Paginator(range(50), 5).validateNumber(input)).toBe(expected);
  });

  it.each(['2.0', '1e0', '0x2', '', 'abc', 2.5, null, undefined])('refuses %j as not an integer', async (input) => {
    const error = await rejectionOf(new Paginator(range(50), 5).validateNumber(input));
    expect(error).toBeInstanceOf(PageNotAnInteger);
    expect(error.message).toBe(NOT_AN_INTEGER);
  });

  it('leaves "last" to the views: the paginator refuses it as not an integer', async () => {
    const error = await rejectionOf(new Paginator(range(50), 5).validateNumber('last'));
    expect(error).toBeInstanceOf(PageNotAnInteger);
    expect(error.message).toBe(NOT_AN_INTEGER);
  });

  it.each([0, -1, '0', '-3', false])('refuses %j as less than 1', async (input) => {
    const error = await rejectionOf(new Paginator(range(50), 5).validateNumber(input));
    expect(error).toBeInstanceOf(EmptyPage);
    expect(error.message).toBe(LESS_THAN_1);
  });

  it('refuses a number past the last page as containing no results', async () => {
    const error = await rejectionOf(new Paginator(range(50), 5).validateNumber(11));
    expect(error).toBeInstanceOf(EmptyPage);
    expect(error.message).toBe(NO_RESULTS);
  });

  it('accepts the last page', async () => {
    expect(await new Paginator(range(50), 5).validateNumber(10)).toBe(10);
  });

  it('accepts page 1 of an empty list when allowEmptyFirstPage', async () => {
    expect(await new Paginator([], 5).validateNumber(1)).toBe(1);
  });

  it('refuses page 1 of an empty list without allowEmptyFirstPage', async () => {
    const error = await rejectionOf(new Paginator([], 5, 0, false).validateNumber(1));
    expect(error).toBeInstanceOf(EmptyPage);
    expect(error.message).toBe(NO_RESULTS);
  });

  it('throws InvalidPage subclasses, so one catch handles both', async () => {
    const paginator = new Paginator(range(5), 5);
    expect(await rejectionOf(paginator.validateNumber('x'))).toBeInstanceOf(InvalidPage);
    expect(await rejectionOf(paginator.validateNumber(9))).toBeInstanceOf(InvalidPage);
  });
});

describe('Paginator.validateNumberSync()', () => {
  it('validates with the same rules once loaded', async () => {
    const paginator = await new Paginator(range(50), 5).load();
    expect(paginator.validateNumberSync(' 3 ')).toBe(3);
    expect(thrownBy(() => paginator.validateNumberSync(11)).message).toBe(NO_RESULTS);
  });

  it('refuses to run before load()', () => {
    expect(() => new Paginator(range(50), 5).validateNumberSync(1)).toThrow(new Error(NOT_LOADED));
  });
});

describe('Paginator.page()', () => {
  it('gives the objects of a middle page', async () => {
    expect((await new Paginator(range(25), 10).page(2)).objectList).toEqual(range(20).slice(10));
  });

  it('gives the last page its orphans: 23 items by 10 with 3 orphans end with 13', async () => {
    const last = await new Paginator(range(23), 10, 3).page(2);
    expect(last.length).toBe(13);
    expect(last.objectList).toEqual(range(23).slice(10));
  });

  it('keeps 4 leftovers on their own page when 3 orphans are allowed', async () => {
    expect((await new Paginator(range(24), 10, 3).page(3)).objectList).toEqual([21, 22, 23, 24]);
  });

  it('reads a page with one count and one slice', async () => {
    const { source, calls } = spySource(range(30));
    await new Paginator(source, 10).page(2);
    expect(calls).toEqual({ count: 1, slices: [[10, 10]] });
  });

  it('slices the last page up to the count, orphans included', async () => {
    const { source, calls } = spySource(range(23));
    await new Paginator(source, 10, 3).page(2);
    expect(calls.slices).toEqual([[10, 13]]);
  });

  it('slices once per page read', async () => {
    const { source, calls } = spySource(range(30));
    const paginator = new Paginator(source, 10);
    await paginator.page(1);
    await paginator.page(3);
    expect(calls).toEqual({
      count: 1,
      slices: [
        [0, 10],
        [20, 10],
      ],
    });
  });

  it('does not slice an empty list', async () => {
    const { source, calls } = spySource([]);
    const page = await new Paginator(source, 10).page(1);
    expect(page.objectList).toEqual([]);
    expect(calls.slices).toEqual([]);
  });

  it('gives an empty list an empty page 1 when allowEmptyFirstPage', async () => {
    const page = await new Paginator([], 10).page(1);
    expect([page.number, page.length]).toEqual([1, 0]);
  });

  it('refuses page 2 of an empty list when allowEmptyFirstPage', async () => {
    const error = await rejectionOf(new Paginator([], 10).page(2));
    expect(error).toBeInstanceOf(EmptyPage);
    expect(error.message).toBe(NO_RESULTS);
  });

  it('refuses page 1 of an empty list without allowEmptyFirstPage', async () => {
    const error = await rejectionOf(new Paginator([], 10, 0, false).page(1));
    expect(error).toBeInstanceOf(EmptyPage);
    expect(error.message).toBe(NO_RESULTS);
  });

  it('does not slice for a refused page number', async () => {
    const { source, calls } = spySource(range(30));
    await rejectionOf(new Paginator(source, 10).page(4));
    expect(calls.slices).toEqual([]);
  });

  it('reads the page number as Python int() does', async () => {
    expect((await new Paginator(range(30), 1).page(' 1_2 ')).number).toBe(12);
  });

  it('refuses "last"', async () => {
    const error = await rejectionOf(new Paginator(range(30), 10).page('last'));
    expect(error).toBeInstanceOf(PageNotAnInteger);
    expect(error.message).toBe(NOT_AN_INTEGER);
  });

  it('gives a Page that knows its paginator', async () => {
    const paginator = new Paginator(range(30), 10);
    const page = await paginator.page(1);
    expect(page).toBeInstanceOf(Page);
    expect(page.paginator).toBe(paginator);
  });
});

describe('Paginator.getPage()', () => {
  it('gives the asked page when it is valid', async () => {
    expect((await new Paginator(range(5), 2).getPage('2')).number).toBe(2);
  });

  it('gives page 1 for a non-integer', async () => {
    expect((await new Paginator(range(5), 2).getPage('x')).number).toBe(1);
  });

  it('gives the last page past the end', async () => {
    expect((await new Paginator(range(5), 2).getPage(99)).number).toBe(3);
  });

  it('gives the last page below 1, as Django does', async () => {
    expect((await new Paginator(range(5), 2).getPage(0)).number).toBe(3);
  });

  it('gives the empty page 1 of an empty list', async () => {
    expect((await new Paginator([], 2).getPage(5)).number).toBe(1);
  });

  it('still refuses an empty list without allowEmptyFirstPage, as Django does', async () => {
    const error = await rejectionOf(new Paginator([], 2, 0, false).getPage(1));
    expect(error).toBeInstanceOf(EmptyPage);
    expect(error.message).toBe(LESS_THAN_1);
  });

  it('reads a page with one count and one slice', async () => {
    const { source, calls } = spySource(range(30));
    await new Paginator(source, 10).getPage(99);
    expect(calls).toEqual({ count: 1, slices: [[20, 10]] });
  });
});

describe('Paginator.getElidedPageRange()', () => {
  it('elides both sides of a middle page: 50 pages, page 25', async () => {
    const paginator = await new Paginator(range(50), 1).load();
    expect(paginator.getElidedPageRange(25)).toEqual([1, 2, '…', 22, 23, 24, 25, 26, 27, 28, '…', 49, 50]);
  });

  it('elides only the end from the first page: 34 pages, page 1', async () => {
    const paginator = await new Paginator(range(34), 1).load();
    expect(paginator.getElidedPageRange(1)).toEqual([1, 2, 3, 4, '…', 33, 34]);
  });

  it('elides only the start from the last page: 34 pages, page 34', async () => {
    const paginator = await new Paginator(range(34), 1).load();
    expect(paginator.getElidedPageRange(34)).toEqual([1, 2, '…', 31, 32, 33, 34]);
  });

  it('starts from page 1 by default', async () => {
    const paginator = await new Paginator(range(34), 1).load();
    expect(paginator.getElidedPageRange()).toEqual([1, 2, 3, 4, '…', 33, 34]);
  });

  it('lists a short range whole', async () => {
    const paginator = await new Paginator(range(10), 1).load();
    expect(paginator.getElidedPageRange(5)).toEqual(range(10));
  });

  it('does not elide a single page next to the ends', async () => {
    const paginator = await new Paginator(range(11), 1).load();
    expect(paginator.getElidedPageRange(6)).toEqual(range(11));
  });

  it('follows onEachSide and onEnds', async () => {
    const paginator = await new Paginator(range(50), 1).load();
    expect(paginator.getElidedPageRange(25, { onEachSide: 1, onEnds: 1 })).toEqual([1, '…', 24, 25, 26, '…', 50]);
  });

  it('accepts no ends', async () => {
    const paginator = await new Paginator(range(50), 1).load();
    expect(paginator.getElidedPageRange(10, { onEachSide: 2, onEnds: 0 })).toEqual(['…', 8, 9, 10, 11, 12, '…']);
  });

  it('reads the number as Python int() does', async () => {
    const paginator = await new Paginator(range(50), 1).load();
    expect(paginator.getElidedPageRange(' 25 ')).toEqual(paginator.getElidedPageRange(25));
  });

  it('refuses a non-integer with Django’s message', async () => {
    const paginator = await new Paginator(range(50), 1).load();
    const error = thrownBy(() => paginator.getElidedPageRange('x'));
    expect(error).toBeInstanceOf(PageNotAnInteger);
    expect(error.message).toBe(NOT_AN_INTEGER);
  });

  it('refuses a number past the end with Django’s message', async () => {
    const paginator = await new Paginator(range(50), 1).load();
    const error = thrownBy(() => paginator.getElidedPageRange(51));
    expect(error).toBeInstanceOf(EmptyPage);
    expect(error.message).toBe(NO_RESULTS);
  });

  it('refuses to run before load()', () => {
    expect(() => new Paginator(range(50), 1).getElidedPageRange(1)).toThrow(new Error(NOT_LOADED));
  });
});
