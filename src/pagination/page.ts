import type { Paginator } from './paginator.js';

/** Page metadata as JSON (no objects). */
export interface PageJson {
  number: number;
  numPages: number;
  count: number;
  perPage: number;
  hasNext: boolean;
  hasPrevious: boolean;
  startIndex: number;
  endIndex: number;
}

/** One page of a `Paginator` (Django's `Page`): its objects and where it stands. */
export class Page<T> implements Iterable<T> {
  constructor(
    /** The objects on this page. */
    readonly objectList: T[],
    /** The page's number, from 1. */
    readonly number: number,
    /** The paginator it belongs to. */
    readonly paginator: Paginator<T>,
  ) {}

  /** How many objects this page has. */
  get length(): number {
    return this.objectList.length;
  }

  /** The object at `index` (negative counts from the end). */
  at(index: number): T | undefined {
    return this.objectList.at(index);
  }

  [Symbol.iterator](): Iterator<T> {
    return this.objectList[Symbol.iterator]();
  }

  /** Whether a page follows. */
  hasNext(): boolean {
    return this.number < this.paginator.numPages;
  }

  /** Whether a page precedes. */
  hasPrevious(): boolean {
    return this.number > 1;
  }

  /** Whether there is any other page. */
  hasOtherPages(): boolean {
    return this.hasNext() || this.hasPrevious();
  }

  /** The next page's number; `EmptyPage` on the last page. */
  nextPageNumber(): number {
    return this.paginator.validateNumberSync(this.number + 1);
  }

  /** The previous page's number; `EmptyPage` on the first page. */
  previousPageNumber(): number {
    return this.paginator.validateNumberSync(this.number - 1);
  }

  /** The 1-based index of this page's first object (0 when the list is empty). */
  startIndex(): number {
    if (this.paginator.count === 0) return 0;
    return this.paginator.perPage * (this.number - 1) + 1;
  }

  /** The 1-based index of this page's last object. */
  endIndex(): number {
    if (this.number === this.paginator.numPages) return this.paginator.count;
    return this.number * this.paginator.perPage;
  }

  toString(): string {
    return `<Page ${this.number} of ${this.paginator.numPages}>`;
  }

  /** The page's metadata, for JSON responses. */
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
