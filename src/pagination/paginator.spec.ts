import { describe, expect, it } from '@jest/globals';
import type { ObjectSource } from '../data/object-source.interface.js';
import { EmptyPage, PageNotAnInteger } from './invalid-page.exception.js';
import { Paginator } from './paginator.js';
import { parseInteger } from './parse-integer.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A source that counts the calls made to it. */
function spySource(items: number[]) {
  const calls = { count: 0, slice: 0 };
  const source: ObjectSource<number> = {
    async count() {
      calls.count += 1;
      return items.length;
    },
    async slice(offset, limit) {
      calls.slice += 1;
      return items.slice(offset, limit === undefined ? undefined : offset + limit);
    },
  };
  return { source, calls };
}

describe('Paginator', () => {
  it('gives orphans to the last page: 23 items by 10 with 3 orphans make 2 pages', async () => {
    const paginator = new Paginator(range(23), 10, 3);
    const last = await paginator.page(2);
    expect(paginator.numPages).toBe(2);
    expect(last.length).toBe(13);
  });

  it('makes 3 pages of 24 items by 10 with 3 orphans', async () => {
    expect((await new Paginator(range(24), 10, 3).load()).numPages).toBe(3);
  });

  it('gives an empty list one empty page when allowEmptyFirstPage', async () => {
    const paginator = new Paginator([], 10);
    expect((await paginator.page(1)).objectList).toEqual([]);
    expect(paginator.numPages).toBe(1);
    await expect(paginator.page(2)).rejects.toThrow(new EmptyPage('That page contains no results'));
  });

  it('gives an empty list no page without allowEmptyFirstPage', async () => {
    const paginator = new Paginator([], 10, 0, false);
    await expect(paginator.page(1)).rejects.toThrow(new EmptyPage('That page contains no results'));
    expect(paginator.numPages).toBe(0);
  });

  it('refuses a page below 1 with Django’s message', async () => {
    await expect(new Paginator(range(5), 2).page(0)).rejects.toThrow(new EmptyPage('That page number is less than 1'));
  });

  it.each(['abc', '2.0', '1e0', '0x2', '', 'last', 2.5, null])('refuses %j as not an integer', async (value) => {
    await expect(new Paginator(range(50), 2).page(value)).rejects.toThrow(new PageNotAnInteger('That page number is not an integer'));
  });

  it('counts once and slices once per page', async () => {
    const { source, calls } = spySource(range(30));
    const paginator = new Paginator(source, 10);
    await paginator.page(1);
    await paginator.page(3);
    await paginator.load();
    expect(calls).toEqual({ count: 1, slice: 2 });
  });

  it('does not slice an empty list', async () => {
    const { source, calls } = spySource([]);
    await new Paginator(source, 10).page(1);
    expect(calls.slice).toBe(0);
  });

  it('refuses to give the count before it is loaded', () => {
    expect(() => new Paginator(range(3), 2).count).toThrow(
      'Paginator.count is not loaded yet: await paginator.load() (page() and getPage() load it).',
    );
  });

  it('lists the page range', async () => {
    expect((await new Paginator(range(5), 2).load()).pageRange).toEqual([1, 2, 3]);
  });

  it('is lenient in getPage(): a non-integer gives the first page, past the end the last', async () => {
    const paginator = new Paginator(range(5), 2);
    expect((await paginator.getPage('x')).number).toBe(1);
    expect((await paginator.getPage(99)).number).toBe(3);
  });

  it('elides long page ranges as Django does', async () => {
    const fifty = await new Paginator(range(50), 1).load();
    expect(fifty.getElidedPageRange(25)).toEqual([1, 2, '…', 22, 23, 24, 25, 26, 27, 28, '…', 49, 50]);
    const thirtyFour = await new Paginator(range(34), 1).load();
    expect(thirtyFour.getElidedPageRange(1)).toEqual([1, 2, 3, 4, '…', 33, 34]);
    const few = await new Paginator(range(8), 1).load();
    expect(few.getElidedPageRange(4)).toEqual(range(8));
  });

  it('reads perPage as an integer, true counting as 1', () => {
    expect(new Paginator([], '5').perPage).toBe(5);
    expect(new Paginator([], true).perPage).toBe(1);
  });
});

describe('Page', () => {
  it('knows its neighbours, indexes and name', async () => {
    const paginator = new Paginator(range(7), 3);
    const middle = await paginator.page(2);
    expect([middle.hasPrevious(), middle.hasNext(), middle.hasOtherPages()]).toEqual([true, true, true]);
    expect([middle.previousPageNumber(), middle.nextPageNumber()]).toEqual([1, 3]);
    expect([middle.startIndex(), middle.endIndex()]).toEqual([4, 6]);
    expect(String(middle)).toBe('<Page 2 of 3>');
    expect([...middle]).toEqual([4, 5, 6]);
    const last = await paginator.page(3);
    expect([last.startIndex(), last.endIndex()]).toEqual([7, 7]);
    expect(() => last.nextPageNumber()).toThrow(new EmptyPage('That page contains no results'));
  });

  it('has start index 0 on an empty list', async () => {
    expect((await new Paginator([], 3).page(1)).startIndex()).toBe(0);
  });

  it('refuses a previous page before the first', async () => {
    const first = await new Paginator(range(7), 3).page(1);
    expect(() => first.previousPageNumber()).toThrow(new EmptyPage('That page number is less than 1'));
  });

  it('gives its metadata as JSON without the objects', async () => {
    expect((await new Paginator(range(7), 3).page(3)).toJSON()).toEqual({
      number: 3,
      numPages: 3,
      count: 7,
      perPage: 3,
      hasNext: false,
      hasPrevious: true,
      startIndex: 7,
      endIndex: 7,
    });
  });
});

describe('parseInteger (Python int() rules)', () => {
  it.each([
    [' 2 ', 2],
    ['+2', 2],
    ['-3', -3],
    ['1_0', 10],
    ['２', 2],
    ['٣', 3],
    [2.0, 2],
    [true, 1],
  ])('reads %j as %j', (input, expected) => {
    expect(parseInteger(input)).toBe(expected);
  });

  it.each(['2.0', '1e0', '0x2', '', '_1', '1__0', 2.5, 'last', undefined])('refuses %j', (input) => {
    expect(parseInteger(input)).toBeNull();
  });
});
