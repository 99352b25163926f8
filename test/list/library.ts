import type { Logger } from 'typeorm';
import { Book } from '../../sample/library/book.entity.js';

/** The sample library's book: the tests list and show the same entity the sample serves. */
export { Book };

/** 45 books, one a day from 2001-01-01 on; every third one by Le Guin. */
export function seedBooks(): Array<Omit<Book, 'id'>> {
  return Array.from({ length: 45 }, (_, i) => ({
    title: `Book ${String(i + 1).padStart(2, '0')}`,
    slug: `book-${i + 1}`,
    author: i % 3 === 0 ? 'Le Guin' : 'Herbert',
    publicationDate: new Date(Date.UTC(2001, 0, 1 + i)),
  }));
}

/** Records the SQL TypeORM runs, to count the queries a request makes. */
export class QueryCounter implements Logger {
  readonly queries: string[] = [];
  logQuery(query: string) {
    this.queries.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
  reset() {
    this.queries.length = 0;
  }
  get selects() {
    return this.queries.filter((query) => /^\s*SELECT/i.test(query));
  }
}
