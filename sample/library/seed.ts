import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Book } from './book.entity.js';

/** How many books a fresh database gets: 12 pages of 20, enough for an elided page range. */
export const SEED_SIZE = 240;

const ADJECTIVES = [
  'Silent',
  'Crimson',
  'Hidden',
  'Last',
  'Distant',
  'Frozen',
  'Golden',
  'Broken',
  'Quiet',
  'Endless',
  'Hollow',
  'Burning',
  'Northern',
  'Lost',
  'Glass',
  'Iron',
];
const NOUNS = [
  'River',
  'Garden',
  'Archive',
  'Lighthouse',
  'Orbit',
  'Harbour',
  'Library',
  'Forest',
  'Engine',
  'Mirror',
  'Kingdom',
  'Signal',
  'Island',
  'Tower',
  'Desert',
  'Compass',
];
const FIRST_NAMES = ['Ada', 'Linus', 'Grace', 'Alan', 'Ursula', 'Iain', 'Octavia'];
const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Knuth',
  'Liskov',
  'Ritchie',
  'Hamilton',
  'Kay',
  'Dijkstra',
  'Perlman',
  'Backus',
];
const DAY = 24 * 60 * 60 * 1000;

/**
 * Books whose dates leave the 61-day rhythm, so that the archive has a month of several
 * days and a day of two books: books 63 and 64 (which would be May and July 1990) come
 * out on 10 March 1990 in the afternoon, next to book 62, and on 21 March 1990.
 */
const SPRING_1990: Readonly<Record<number, Date>> = {
  62: new Date(Date.UTC(1990, 2, 10, 15, 30)),
  63: new Date(Date.UTC(1990, 2, 21)),
};

/**
 * The seed books, the same on every run: distinct titles and slugs, authors from a
 * fixed list, and one publication date every 61 days from 1 January 1980 (UTC), but for
 * the two books of `SPRING_1990`. Dates stay in order of id, so the newest book is the last.
 */
export function generateBooks(count = SEED_SIZE): Array<Omit<Book, 'id'>> {
  if (count > ADJECTIVES.length * NOUNS.length)
    throw new RangeError(`At most ${ADJECTIVES.length * NOUNS.length} distinct titles.`);
  return Array.from({ length: count }, (_, i) => {
    const title = `The ${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length)]}`;
    return {
      title,
      author: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[i % LAST_NAMES.length]}`,
      slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      publicationDate: SPRING_1990[i] ?? new Date(Date.UTC(1980, 0, 1) + i * 61 * DAY),
    };
  });
}

/** Fills an empty `book` table when the application starts; a table with rows is left alone. */
@Injectable()
export class BookSeeder implements OnModuleInit {
  private readonly logger = new Logger('Library');

  constructor(@InjectRepository(Book) private readonly books: Repository<Book>) {}

  async onModuleInit(): Promise<void> {
    if ((await this.books.count()) > 0) return;
    const rows = generateBooks();
    // One transaction, so sql.js writes the file once; chunks stay under SQLite's parameter limit.
    await this.books.manager.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += 50) await manager.insert(Book, rows.slice(i, i + 50));
    });
    this.logger.log(`Seeded ${rows.length} books.`);
  }
}
