import { ArraySource } from '../data/array-source.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { EmptyPage, PageNotAnInteger } from './invalid-page.exception.js';
import { Page } from './page.js';
import { parseInteger } from './parse-integer.js';
import { codedError } from '../utils/coded-message.js';
import { MESSAGES } from '../class-views.messages.js';

export { parseInteger } from './parse-integer.js';

/** Options of `Paginator.getElidedPageRange()`. */
export interface ElidedPageRangeOptions {
  /** Pages shown on each side of the current one. Default `3`. */
  onEachSide?: number;
  /** Pages shown at each end of the range. Default `2`. */
  onEnds?: number;
}

/**
 * Split a data source into pages as Django's `Paginator` does: counted once (one
 * `count()`), then read a page at a time (one `slice()` per page). `count`, `numPages`
 * and `pageRange` can be read once `load()`, `page()` or `getPage()` has run.
 *
 * @example
 * const paginator = new Paginator(source, 20, 3);
 * const page = await paginator.page(2); // page.objectList, page.hasNext(), …
 */
export class Paginator<T> {
  /** Stand for the pages `getElidedPageRange()` leaves out. */
  static readonly ELLIPSIS = '…';

  /** Give the number of objects per page. */
  readonly perPage: number;
  /** Give how many objects a last page may take in rather than stand alone on their own page. Default `0`. */
  readonly orphans: number;
  private readonly source: ObjectSource<T>;
  private counted?: number;
  private counting?: Promise<number>;

  /**
   * Paginate `objectList` (an `ObjectSource` or an array) by `perPage` objects.
   * `perPage` and `orphans` are read as Python's `int()` reads them (`'5'` is 5, `true`
   * is 1). `orphans` defaults to `0`; `allowEmptyFirstPage` (default `true`) gives an
   * empty list one empty page rather than none.
   */
  constructor(
    objectList: ObjectSource<T> | readonly T[],
    perPage: number | string | boolean,
    orphans: number | string | boolean = 0,
    /** Give an empty list one (empty) page rather than none. Default `true`. */
    readonly allowEmptyFirstPage = true,
  ) {
    this.source = Array.isArray(objectList) ? new ArraySource<T>(objectList) : (objectList as ObjectSource<T>);
    this.perPage = toInteger(perPage, 'perPage');
    this.orphans = toInteger(orphans, 'orphans');
  }

  /** Count the objects, once: later calls (and `page()`, `getPage()`) reuse the count. */
  async load(): Promise<this> {
    if (this.counted === undefined) {
      this.counting ??= this.source.count();
      try {
        this.counted = await this.counting;
      } catch (error) {
        this.counting = undefined;
        throw error;
      }
    }
    return this;
  }

  /** Give the number of objects (after `load()`). */
  get count(): number {
    if (this.counted === undefined) throw codedError(Error, MESSAGES.paginatorNotLoaded());
    return this.counted;
  }

  /** Give the number of pages (after `load()`): 0 for an empty list without `allowEmptyFirstPage`, else at least 1. */
  get numPages(): number {
    const count = this.count;
    if (count === 0 && !this.allowEmptyFirstPage) return 0;
    if (this.perPage === 0) throw codedError(RangeError, MESSAGES.paginatorPerPageZero());
    return Math.ceil(Math.max(1, count - this.orphans) / this.perPage);
  }

  /** Give the page numbers, 1 to `numPages` (after `load()`). */
  get pageRange(): number[] {
    return range(1, this.numPages);
  }

  /** Load the count, then return `number` as an integer page number or throw `PageNotAnInteger`/`EmptyPage`. */
  async validateNumber(number: unknown): Promise<number> {
    await this.load();
    return this.validateNumberSync(number);
  }

  /** Return `number` as an integer page number or throw `PageNotAnInteger`/`EmptyPage` (after `load()`). */
  validateNumberSync(number: unknown): number {
    const n = parseInteger(number);
    if (n === null) throw new PageNotAnInteger(MESSAGES.pageNotAnInteger());
    if (n < 1) throw new EmptyPage(MESSAGES.pageLessThanOne());
    if (n > this.numPages && !(n === 1 && this.allowEmptyFirstPage)) throw new EmptyPage(MESSAGES.pageNoResults());
    return n;
  }

  /** Read page `number` with one `slice()` of the source (none for an empty list); throw `InvalidPage` for a bad number. */
  async page(number: unknown): Promise<Page<T>> {
    const n = await this.validateNumber(number);
    const bottom = (n - 1) * this.perPage;
    let top = bottom + this.perPage;
    if (top + this.orphans >= this.count) top = this.count;
    const objects = this.count === 0 ? [] : await this.source.slice(bottom, top - bottom);
    return this.createPage(objects, n);
  }

  /** Read page `number` leniently, as Django's `get_page()`: a non-integer gives page 1, any other bad number the last page. */
  async getPage(number: unknown): Promise<Page<T>> {
    await this.load();
    let n: number;
    try {
      n = this.validateNumberSync(number);
    } catch (error) {
      if (error instanceof PageNotAnInteger) n = 1;
      else if (error instanceof EmptyPage) n = this.numPages;
      else throw error;
    }
    return this.page(n);
  }

  /**
   * List the page numbers around `number` (default `1`) for page links, with
   * `Paginator.ELLIPSIS` where pages are left out; a short range is listed whole.
   * Needs `load()`; a bad `number` throws as `validateNumber()` does.
   */
  getElidedPageRange(
    number: unknown = 1,
    { onEachSide = 3, onEnds = 2 }: ElidedPageRangeOptions = {},
  ): Array<number | '…'> {
    const n = this.validateNumberSync(number);
    const last = this.numPages;
    if (last <= (onEachSide + onEnds) * 2) return this.pageRange;
    const pages: Array<number | '…'> = [];
    if (n > onEachSide + onEnds + 2) pages.push(...range(1, onEnds), Paginator.ELLIPSIS, ...range(n - onEachSide, n));
    else pages.push(...range(1, n));
    if (n < last - onEachSide - onEnds - 1)
      pages.push(...range(n + 1, n + onEachSide), Paginator.ELLIPSIS, ...range(last - onEnds + 1, last));
    else pages.push(...range(n + 1, last));
    return pages;
  }

  /** Build the `Page` for `objects` at `number`; override to return your own `Page` subclass (Django's `_get_page`). */
  protected createPage(objects: T[], number: number): Page<T> {
    return new Page(objects, number, this);
  }
}

/** The integers from `first` to `last`, both included (none when `last < first`). */
function range(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

function toInteger(value: number | string | boolean, name: string): number {
  const integer = parseInteger(value);
  if (integer === null)
    throw codedError(TypeError, MESSAGES.paginatorNotInteger(name, JSON.stringify(value) ?? String(value)));
  return integer;
}
