import type { Paginator } from './paginator.js';
import { codedError } from '../utils/coded-message.js';
import { MESSAGES } from '../class-views.messages.js';

/** Describe a page without its objects, as `Page.toJSON()` returns it. */
export interface PageJson {
  /** The page's number, from 1. */
  number: number;
  /** The paginator's number of pages. */
  numPages: number;
  /** The paginator's number of objects. */
  count: number;
  /** The paginator's objects per page. */
  perPage: number;
  /** Whether a page follows. */
  hasNext: boolean;
  /** Whether a page precedes. */
  hasPrevious: boolean;
  /** The 1-based index of the page's first object (0 for an empty list). */
  startIndex: number;
  /** The 1-based index of the page's last object. */
  endIndex: number;
}

/**
 * Hold one page of a `Paginator` (Django's `Page`): its objects, iterable, and where it
 * stands among the other pages.
 */
export class Page<T> implements Iterable<T> {
  /** Wrap `objectList`, page `number` of `paginator` (whose count is loaded). */
  constructor(
    /** Give the objects on this page. */
    readonly objectList: T[],
    /** Give the page's number, from 1. */
    readonly number: number,
    /** Give the paginator this page belongs to. */
    readonly paginator: Paginator<T>,
  ) {}

  /** Give how many objects this page holds. */
  get length(): number {
    return this.objectList.length;
  }

  /**
   * Return the object at `index` (negative counts from the end), `undefined` out of range;
   * a non-integer index throws Django's `TypeError`.
   */
  at(index: number): T | undefined {
    if (!Number.isInteger(index)) {
      throw codedError(TypeError, MESSAGES.pageIndexNotInteger(pythonTypeName(index)));
    }
    return this.objectList.at(index);
  }

  /** Iterate over this page's objects. */
  [Symbol.iterator](): Iterator<T> {
    return this.objectList[Symbol.iterator]();
  }

  /** Tell whether a page follows this one. */
  hasNext(): boolean {
    return this.number < this.paginator.numPages;
  }

  /** Tell whether a page precedes this one. */
  hasPrevious(): boolean {
    return this.number > 1;
  }

  /** Tell whether there is any page besides this one. */
  hasOtherPages(): boolean {
    return this.hasNext() || this.hasPrevious();
  }

  /** Return the next page's number; throw `EmptyPage('That page contains no results')` on the last page. */
  nextPageNumber(): number {
    return this.paginator.validateNumberSync(this.number + 1);
  }

  /** Return the previous page's number; throw `EmptyPage('That page number is less than 1')` on the first page. */
  previousPageNumber(): number {
    return this.paginator.validateNumberSync(this.number - 1);
  }

  /** Return the 1-based index of this page's first object, or 0 when the list is empty. */
  startIndex(): number {
    if (this.paginator.count === 0) return 0;
    return this.paginator.perPage * (this.number - 1) + 1;
  }

  /** Return the 1-based index of this page's last object (the count, on the last page). */
  endIndex(): number {
    if (this.number === this.paginator.numPages) return this.paginator.count;
    return this.number * this.paginator.perPage;
  }

  /** Name the page as Django's `repr` does: `<Page 2 of 4>`. */
  toString(): string {
    return `<Page ${this.number} of ${this.paginator.numPages}>`;
  }

  /** Describe the page for JSON responses, without its objects (callers add them). */
  toJSON(): PageJson {
    return {
      number: this.number,
      numPages: this.paginator.numPages,
      count: this.paginator.count,
      perPage: this.paginator.perPage,
      hasNext: this.hasNext(),
      hasPrevious: this.hasPrevious(),
      startIndex: this.startIndex(),
      endIndex: this.endIndex(),
    };
  }
}

/** The name Python would give the type of a bad index (`float`, `str`, …). */
function pythonTypeName(value: unknown): string {
  if (typeof value === 'number') return 'float';
  if (typeof value === 'string') return 'str';
  if (value === null || value === undefined) return 'NoneType';
  return typeof value;
}
