import { ArraySource } from '../data/array-source.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { EmptyPage, PageNotAnInteger } from './invalid-page.exception.js';
import { Page } from './page.js';
import { parseInteger } from './parse-integer.js';

export { parseInteger } from './parse-integer.js';

/** Options of `getElidedPageRange()`. */
export interface ElidedPageRangeOptions {
  /** Pages shown on each side of the current one. Default `3`. */
  onEachSide?: number;
  /** Pages shown at each end. Default `2`. */
  onEnds?: number;
}

/**
 * Django's `Paginator`, over a data source counted once (one `COUNT`) and read a page
 * at a time (one `LIMIT/OFFSET`). `count`, `numPages` and `pageRange` are available
 * once `load()`, `page()` or `getPage()` has run.
 *
 * @example
 * const paginator = new Paginator(repositorySource, 20);
 * const page = await paginator.page(2);  // page.objectList, page.hasNext(), …
 */
export class Paginator<T> {
  /** What `getElidedPageRange()` puts where pages are left out. */
  static readonly ELLIPSIS = '…';

  /** Objects per page. */
  readonly perPage: number;
  private readonly source: ObjectSource<T>;
  private counted?: number;
  private counting?: Promise<number>;

  constructor(
    objectList: ObjectSource<T> | readonly T[],
    perPage: number | string | boolean,
    /** How many objects a last page may take over rather than stand alone. */
    readonly orphans = 0,
    /** Whether an empty list still has a (first, empty) page. */
    readonly allowEmptyFirstPage = true,
  ) {
    this.source = Array.isArray(objectList) ? new ArraySource<T>(objectList) : (objectList as ObjectSource<T>);
    const size = parseInteger(perPage);
    if (size === null) throw new TypeError(`perPage must be an integer, not ${JSON.stringify(perPage)}.`);
    this.perPage = size;
  }

  /** Count the objects (once: later calls reuse the count). */
  async load(): Promise<this> {
    if (this.counted === undefined) {
      this.counting ??= this.source.count();
      this.counted = await this.counting;
    }
    return this;
  }

  /** The number of objects. */
  get count(): number {
    if (this.counted === undefined) {
      throw new Error('Paginator.count is not loaded yet: await paginator.load() (page() and getPage() load it).');
    }
    return this.counted;
  }

  /** The number of pages: 0 for an empty list without `allowEmptyFirstPage`, else at least 1. */
  get numPages(): number {
    const count = this.count;
    if (count === 0 && !this.allowEmptyFirstPage) return 0;
    return Math.ceil(Math.max(1, count - this.orphans) / this.perPage);
  }

  /** The page numbers, from 1. */
  get pageRange(): number[] {
    return Array.from({ length: this.numPages }, (_, i) => i + 1);
  }

  /** The page number as an integer, or `PageNotAnInteger`/`EmptyPage` with Django's messages. */
  async validateNumber(number: unknown): Promise<number> {
    await this.load();
    return this.validateNumberSync(number);
  }

  /** `validateNumber()` once the count is loaded. */
  validateNumberSync(number: unknown): number {
    const n = parseInteger(number);
    if (n === null) throw new PageNotAnInteger('That page number is not an integer');
    if (n < 1) throw new EmptyPage('That page number is less than 1');
    if (n > this.numPages && !(n === 1 && this.allowEmptyFirstPage)) throw new EmptyPage('That page contains no results');
    return n;
  }

  /** Page `number`, read with one slice of the source; invalid numbers throw. */
  async page(number: unknown): Promise<Page<T>> {
    const n = await this.validateNumber(number);
    const bottom = (n - 1) * this.perPage;
    let top = bottom + this.perPage;
    if (top + this.orphans >= this.count) top = this.count;
    const objects = top > bottom ? await this.source.slice(bottom, top - bottom) : [];
    return new Page(objects, n, this);
  }

  /** Like `page()`, but a non-integer gives page 1 and an out-of-range number the last page. */
  async getPage(number: unknown): Promise<Page<T>> {
    await this.load();
    let n: number;
    try {
      n = this.validateNumberSync(number);
    } catch (error) {
      n = error instanceof PageNotAnInteger ? 1 : Math.max(this.numPages, 1);
    }
    return this.page(n);
  }

  /** Page numbers around `number` with `…` for the gaps, for page links. */
  getElidedPageRange(number: unknown = 1, { onEachSide = 3, onEnds = 2 }: ElidedPageRangeOptions = {}): Array<number | string> {
    const n = this.validateNumberSync(number);
    const pages = this.numPages;
    if (pages <= (onEachSide + onEnds) * 2) return this.pageRange;
    const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
    const result: Array<number | string> = [];
    if (n > 1 + onEachSide + onEnds + 1) result.push(...range(1, onEnds), Paginator.ELLIPSIS, ...range(n - onEachSide, n));
    else result.push(...range(1, n));
    if (n < pages - onEachSide - onEnds - 1) {
      result.push(...range(n + 1, n + onEachSide), Paginator.ELLIPSIS, ...range(pages - onEnds + 1, pages));
    } else result.push(...range(n + 1, pages));
    return result;
  }
}
