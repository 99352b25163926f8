/**
 * The month archive case (issue 30): Django's `MonthArchiveView` over a datetime column
 * against a controller a Nest user writes for the same page, on in-memory better-sqlite3.
 * Both run the page's queries (the month's books, the distinct days that have books, the
 * nearest months with books before and after it; no future books) and render
 * `book_archive_month.html` with the same context, so they answer the same HTML.
 */
import { Controller, Get, Header, NotFoundException, Param, ParseIntPipe } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  And,
  Column,
  Entity,
  Index,
  LessThan,
  LessThanOrEqual,
  MoreThanOrEqual,
  PrimaryGeneratedColumn,
  type Repository,
} from 'typeorm';
import { ClassView, MonthArchiveView, TemplateEngines } from '../src/index.js';

/** The rows of the case: one book every 36 hours from 1 January 1980, about 20 a month, up to 2021. */
export const DATED_BOOKS = 10_000;
/** The month the case asks for: June 2000, 20 books on 20 days. */
export const ARCHIVE_MONTH = { view: '/archive/2000/06/', controller: '/archive/2000/06' };

@Entity()
export class DatedBook {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  @Index()
  @Column({ type: Date })
  publicationDate!: Date;
}

/**
 * Book `n` is `Book n`, published `36 * n` hours after 1980-01-01 00:00 UTC, written as
 * TypeORM writes a `Date` on SQLite (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), by one statement.
 */
export async function seedDatedBooks(books: Repository<DatedBook>, count = DATED_BOOKS): Promise<void> {
  await books.query(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count}) ` +
      `INSERT INTO "dated_book" ("title", "publicationDate") SELECT 'Book ' || i, strftime('%Y-%m-%d %H:%M:%f', '1980-01-01', '+' || (i * 36) || ' hours') FROM n`,
  );
}

@ClassView('archive/<int:year>/<int:month>/')
export class DatedBookMonthView extends MonthArchiveView<DatedBook> {
  override dateField = 'publicationDate';
  override monthFormat = '%m';
  override templateName = 'book_archive_month.html';

  constructor(@InjectRepository(DatedBook) readonly books: Repository<DatedBook>) {
    super();
  }

  override getQueryset() {
    return this.books;
  }
}

const firstOfMonth = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));

/**
 * The twin as a Nest user writes it: `find()` for the month's books (404 when there are
 * none), a query builder's `SELECT DISTINCT` of their days, `findOne()` for the books
 * just after and just before the month, the same template and context keys.
 */
@Controller('archive')
export class DatedBookMonthController {
  constructor(
    @InjectRepository(DatedBook) private readonly books: Repository<DatedBook>,
    private readonly templates: TemplateEngines,
  ) {}

  @Get(':year/:month')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async get(@Param('year', ParseIntPipe) year: number, @Param('month', ParseIntPipe) month: number) {
    if (month < 1 || month > 12) throw new NotFoundException();
    const start = new Date(Date.UTC(year, month - 1, 1));
    const end = new Date(Date.UTC(year, month, 1));
    const now = new Date();
    const books = await this.books.find({
      where: { publicationDate: And(MoreThanOrEqual(start), LessThan(end), LessThanOrEqual(now)) },
      order: { publicationDate: 'DESC' },
    });
    if (books.length === 0) throw new NotFoundException('No books available');
    const days = await this.books
      .createQueryBuilder('book')
      .select(`strftime('%Y-%m-%d', book.publicationDate)`, 'day')
      .distinct(true)
      .where('book.publicationDate >= :start AND book.publicationDate < :end AND book.publicationDate <= :now', {
        start,
        end,
        now,
      })
      .orderBy('day', 'ASC')
      .getRawMany<{ day: string }>();
    const [next, previous] = await Promise.all([
      this.books.findOne({
        where: { publicationDate: And(MoreThanOrEqual(end), LessThanOrEqual(now)) },
        order: { publicationDate: 'ASC' },
      }),
      this.books.findOne({
        where: { publicationDate: And(LessThan(start), LessThanOrEqual(now)) },
        order: { publicationDate: 'DESC' },
      }),
    ]);
    return this.templates.render(['book_archive_month.html'], {
      object_list: books,
      date_list: days.map(({ day }) => new Date(`${day}T00:00:00Z`)),
      month: start,
      next_month: next && firstOfMonth(next.publicationDate),
      previous_month: previous && firstOfMonth(previous.publicationDate),
    });
  }
}
