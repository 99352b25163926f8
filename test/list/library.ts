import type { INestApplication } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { Logger, Repository } from 'typeorm';
import { Book } from '../../sample/library/book.entity.js';
import { ClassViewsModule } from '../../src/index.js';

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

/**
 * The imports of an app over the library's books: TypeORM on `connection` with the Book
 * entity, the Book repository for the app's own use, and `ClassViewsModule.forRoot(options)`,
 * whose views get the repository too. `typeorm` adds TypeORM options (a logger, to count queries).
 */
export function libraryImports(
  connection: TypeOrmModuleOptions,
  options: Parameters<typeof ClassViewsModule.forRoot>[0] = {},
  typeorm: { logging?: boolean | Array<'error'>; logger?: Logger } = {},
) {
  return [
    TypeOrmModule.forRoot({ ...connection, ...typeorm, entities: [Book], synchronize: true } as TypeOrmModuleOptions),
    TypeOrmModule.forFeature([Book]),
    ClassViewsModule.forRoot({ ...options, imports: [TypeOrmModule.forFeature([Book])] }),
  ];
}

/** Empty the app's book table and store the first `count` seed books; returns the repository. */
export async function reseedBooks(app: INestApplication, count: number): Promise<Repository<Book>> {
  const books = app.get<Repository<Book>>('BookRepository');
  await books.clear();
  await books.save(seedBooks().slice(0, count));
  return books;
}
