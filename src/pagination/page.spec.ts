import { describe, expect, it } from '@jest/globals';
import { EmptyPage } from './invalid-page.exception.js';
import { Paginator } from './paginator.js';
import { thrownBy } from '../../test/utils/errors.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Page `number` of `items` paginated by `perPage`. */
const pageOf = (items: number[], perPage: number, number: number, orphans = 0) =>
  new Paginator(items, perPage, orphans).page(number);

describe('Page', () => {
  it('holds its number', async () => {
    expect((await pageOf(range(7), 3, 2)).number).toBe(2);
  });

  it('holds its objects', async () => {
    expect((await pageOf(range(7), 3, 2)).objectList).toEqual([4, 5, 6]);
  });

  it('has the length of its objects', async () => {
    expect((await pageOf(range(7), 3, 3)).length).toBe(1);
  });

  it('iterates over its objects', async () => {
    expect([...(await pageOf(range(7), 3, 2))]).toEqual([4, 5, 6]);
  });

  it('gives the object at an index', async () => {
    expect((await pageOf(range(7), 3, 2)).at(0)).toBe(4);
  });

  it('counts a negative index from the end', async () => {
    expect((await pageOf(range(7), 3, 2)).at(-1)).toBe(6);
  });

  it('gives undefined past its objects', async () => {
    expect((await pageOf(range(7), 3, 2)).at(3)).toBeUndefined();
  });

  it('refuses a non-integer index with Django’s TypeError', async () => {
    const page = await pageOf(range(7), 3, 2);
    expect(() => page.at(1.5)).toThrow(new TypeError('Page indices must be integers or slices, not float.'));
  });

  it('has a next page before the last', async () => {
    expect((await pageOf(range(7), 3, 2)).hasNext()).toBe(true);
  });

  it('has no next page on the last', async () => {
    expect((await pageOf(range(7), 3, 3)).hasNext()).toBe(false);
  });

  it('has a previous page after the first', async () => {
    expect((await pageOf(range(7), 3, 2)).hasPrevious()).toBe(true);
  });

  it('has no previous page on the first', async () => {
    expect((await pageOf(range(7), 3, 1)).hasPrevious()).toBe(false);
  });

  it('has other pages when there are several', async () => {
    expect((await pageOf(range(7), 3, 3)).hasOtherPages()).toBe(true);
  });

  it('has no other page when it is the only one', async () => {
    expect((await pageOf(range(3), 3, 1)).hasOtherPages()).toBe(false);
  });

  it('gives the next page number', async () => {
    expect((await pageOf(range(7), 3, 2)).nextPageNumber()).toBe(3);
  });

  it('gives the previous page number', async () => {
    expect((await pageOf(range(7), 3, 2)).previousPageNumber()).toBe(1);
  });

  it('refuses a next page number on the last page with Django’s message', async () => {
    const page = await pageOf(range(7), 3, 3);
    const error = thrownBy(() => page.nextPageNumber());
    expect(error).toBeInstanceOf(EmptyPage);
    expect(error.message).toBe('That page contains no results');
  });

  it('refuses a previous page number on the first page with Django’s message', async () => {
    const page = await pageOf(range(7), 3, 1);
    const error = thrownBy(() => page.previousPageNumber());
    expect(error).toBeInstanceOf(EmptyPage);
    expect(error.message).toBe('That page number is less than 1');
  });

  it('refuses a next page number on the empty page of an empty list', async () => {
    const page = await pageOf([], 3, 1);
    expect(thrownBy(() => page.nextPageNumber()).message).toBe('That page contains no results');
  });

  it('starts at 1 on the first page', async () => {
    expect((await pageOf(range(7), 3, 1)).startIndex()).toBe(1);
  });

  it('starts at perPage × (number − 1) + 1', async () => {
    expect((await pageOf(range(7), 3, 2)).startIndex()).toBe(4);
  });

  it('starts at 0 on an empty list', async () => {
    expect((await pageOf([], 3, 1)).startIndex()).toBe(0);
  });

  it('ends at number × perPage before the last page', async () => {
    expect((await pageOf(range(7), 3, 2)).endIndex()).toBe(6);
  });

  it('ends at the count on the last page', async () => {
    expect((await pageOf(range(7), 3, 3)).endIndex()).toBe(7);
  });

  it('ends at the count on a last page holding orphans', async () => {
    const page = await pageOf(range(23), 10, 2, 3);
    expect([page.startIndex(), page.endIndex()]).toEqual([11, 23]);
  });

  it('ends at 0 on an empty list', async () => {
    expect((await pageOf([], 3, 1)).endIndex()).toBe(0);
  });

  it('names itself as Django’s repr does', async () => {
    expect(String(await pageOf(range(10), 3, 2))).toBe('<Page 2 of 4>');
  });

  it('gives its metadata as JSON without the objects', async () => {
    expect((await pageOf(range(7), 3, 3)).toJSON()).toEqual({
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

  it('serialises with JSON.stringify through toJSON()', async () => {
    expect(JSON.parse(JSON.stringify(await pageOf(range(7), 3, 1)))).toEqual({
      number: 1,
      numPages: 3,
      count: 7,
      perPage: 3,
      hasNext: true,
      hasPrevious: false,
      startIndex: 1,
      endIndex: 3,
    });
  });
});
