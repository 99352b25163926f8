/** Bounds on a date or datetime field for `ObjectSource.filterRange()`; each is optional. */
export interface DateRange {
  /** Keep values at or after this. */
  readonly gte?: Date;
  /** Keep values before this. */
  readonly lt?: Date;
  /** Keep values at or before this. */
  readonly lte?: Date;
}

/** What `ObjectSource.dates()` truncates values to (Django's `QuerySet.dates()` kinds). */
export type DateKind = 'year' | 'month' | 'day';

/**
 * What list and detail views read their objects from. A TypeORM `Repository` or
 * `SelectQueryBuilder` and a plain array are adapted for you (`toObjectSource()`);
 * implement this to serve Prisma, MikroORM, an HTTP API… in a few lines. Counting and
 * slicing must run in the backend (a `COUNT` and a `LIMIT/OFFSET`), so a list of a
 * million rows never loads into memory.
 *
 * @example
 * const source: ObjectSource<Book> = {
 *   modelName: 'book',
 *   count: () => prisma.book.count(),
 *   slice: (offset, limit) => prisma.book.findMany({ skip: offset, take: limit }),
 *   get: (lookup) => prisma.book.findFirst({ where: lookup }),
 *   create: (values) => prisma.book.create({ data: values as Prisma.BookCreateInput }),
 * };
 */
export interface ObjectSource<T> {
  /** The model's name for context and template names (`book` → `book_list`, `book_detail.html`). */
  readonly modelName?: string;
  /** The model's human name for messages (`No book found matching the query`). Default: `modelName`. */
  readonly verboseName?: string;
  /**
   * `false` when the objects come in no defined order (Django's `QuerySet.ordered`):
   * paginating them logs Django's `UnorderedObjectListWarning`. Default: not known, no warning.
   */
  readonly ordered?: boolean;
  /** The number of objects. */
  count(): Promise<number>;
  /** `limit` objects from `offset` (all the rest when `limit` is undefined), in order. */
  slice(offset: number, limit?: number): Promise<T[]>;
  /** Whether there is any object; defaults to `count() > 0` when absent. */
  exists?(): Promise<boolean>;
  /** The same source in this order (Django's `order_by`, `'-field'` descending). */
  orderBy?(ordering: readonly string[]): ObjectSource<T>;
  /**
   * The one object matching every `field: value` of `lookup`, or `null` (for detail
   * views). The key `pk` stands for the primary key, whatever its name.
   */
  get?(lookup: Readonly<Record<string, unknown>>): Promise<T | null>;
  /**
   * Store a new object made of `values` and return it as stored, primary key set (for
   * create views). All or nothing: a failure stores nothing.
   */
  create?(values: Readonly<Record<string, unknown>>): Promise<T>;
  /** Write `values` onto `object`, store it and return it (for update views). All or nothing. */
  update?(object: T, values: Readonly<Record<string, unknown>>): Promise<T>;
  /** Remove `object` (for delete views). */
  delete?(object: T): Promise<void>;
  /**
   * Date views: the objects whose `field` lies within `range`, in the same order. A bound
   * on a date column (values `2008-02-10`) is a calendar date, a `Date` at 00:00 UTC; on a
   * datetime column, an instant. Run in the backend (a `WHERE`), never in memory.
   */
  filterRange?(field: string, range: DateRange): ObjectSource<T>;
  /**
   * Date views: whether `field` holds calendar dates or dates and times (Django's
   * `DateField`/`DateTimeField`), or `undefined` when not known (taken as datetime).
   */
  dateFieldKind?(field: string): 'date' | 'datetime' | undefined;
  /**
   * Date views: the distinct years, months or days of `field`'s values, in `order`, each
   * truncated to its first day as a calendar date (a `Date` at 00:00 UTC); datetimes are
   * read in `timeZone` (an IANA name). Django's `QuerySet.dates()`/`datetimes()`: grouped
   * in the backend where it can (`SELECT DISTINCT`).
   */
  dates?(field: string, kind: DateKind, order: 'ASC' | 'DESC', timeZone: string): Promise<Date[]>;
}
