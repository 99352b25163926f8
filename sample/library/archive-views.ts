import {
  ArchiveIndexView,
  ClassView,
  DateDetailView,
  DayArchiveView,
  MonthArchiveView,
  WeekArchiveView,
  YearArchiveView,
} from '../../src/index.js';
import { Book } from './book.entity.js';

/*
 * The book archive, Django's date-based views over `publicationDate`. Months are numbers
 * (`monthFormat = '%m'`: `/books/archive/1990/03/`), weeks ISO weeks. Future books stay
 * hidden and a period without books is a 404 (`allowFuture` and `allowEmpty` are off).
 * Templates: `book_archive*.html`; a book's page is `book_detail.html`, as `/books/<pk>/`.
 */

/** The years that have books, newest first, and the ten latest books (`book_archive.html`). */
@ClassView('books/archive/', { name: 'book-archive' })
export class BookArchiveView extends ArchiveIndexView<Book> {
  model = Book;
  dateField = 'publicationDate';
  paginateBy = 10;
}

/** A year's months that have books, and the years before and after it that have some. */
@ClassView('books/archive/<int:year>/', { name: 'book-archive-year' })
export class BookYearArchiveView extends YearArchiveView<Book> {
  model = Book;
  dateField = 'publicationDate';
}

/**
 * An ISO week's books (`/books/archive/1990/week/10/`: 5 to 11 March 1990). Routed before
 * the day, whose `<int:month>` would otherwise answer `week` with a 404 on Express.
 */
@ClassView('books/archive/<int:year>/week/<int:week>/', { name: 'book-archive-week' })
export class BookWeekArchiveView extends WeekArchiveView<Book> {
  model = Book;
  dateField = 'publicationDate';
  yearFormat = '%G';
  weekFormat = '%V';
}

/** A month's books, the days that have some, and the nearest months with books. */
@ClassView('books/archive/<int:year>/<int:month>/', { name: 'book-archive-month' })
export class BookMonthArchiveView extends MonthArchiveView<Book> {
  model = Book;
  dateField = 'publicationDate';
  monthFormat = '%m';
}

/** A day's books, and the nearest days and months with books. */
@ClassView('books/archive/<int:year>/<int:month>/<int:day>/', { name: 'book-archive-day' })
export class BookDayArchiveView extends DayArchiveView<Book> {
  model = Book;
  dateField = 'publicationDate';
  monthFormat = '%m';
}

/** One book by its date and slug: `/books/archive/1990/03/10/the-lost-lighthouse/`. */
@ClassView('books/archive/<int:year>/<int:month>/<int:day>/<slug:slug>/', { name: 'book-archive-detail' })
export class BookDateDetailView extends DateDetailView<Book> {
  model = Book;
  dateField = 'publicationDate';
  monthFormat = '%m';
}

/** The archive's views, in the order their routes are tried: the week before the day. */
export const ARCHIVE_VIEWS = [
  BookArchiveView,
  BookYearArchiveView,
  BookWeekArchiveView,
  BookMonthArchiveView,
  BookDayArchiveView,
  BookDateDetailView,
];
