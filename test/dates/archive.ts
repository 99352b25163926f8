import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ArraySource } from '../../src/index.js';
import { Book } from '../list/library.js';

/** An article dated by a date column (Django's `DateField`); books are dated by a datetime. */
@Entity()
export class Article {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  @Column({ type: 'date' })
  pubDate!: string;
}

export { Book };

/** The views' clock: 15 June 2008, noon UTC. */
export const NOW = new Date('2008-06-15T12:00:00Z');

/** The archive: titles and UTC instants; an article's date is the instant's UTC date. */
const ENTRIES: ReadonlyArray<readonly [title: string, instant: string]> = [
  ['Old', '2006-05-01T12:00:00Z'],
  ['New year', '2008-01-01T12:00:00Z'],
  ['Feb a', '2008-02-10T12:00:00Z'],
  // 00:30 on the 11th in Paris.
  ['Feb b', '2008-02-10T23:30:00Z'],
  ['Leap', '2008-02-29T12:00:00Z'],
  ['June', '2008-06-15T09:00:00Z'],
  // Today, but after NOW: in the future for a datetime, not for a date.
  ['Later today', '2008-06-15T18:00:00Z'],
  ['Autumn', '2008-10-01T12:00:00Z'],
  ['Next year', '2009-01-10T12:00:00Z'],
];

export function seedArticles(): Array<Omit<Article, 'id'>> {
  return ENTRIES.map(([title, instant]) => ({ title, pubDate: instant.slice(0, 10) }));
}

export function seedBooks(): Array<Omit<Book, 'id'>> {
  return ENTRIES.map(([title, instant], i) => ({
    title,
    author: 'Le Guin',
    slug: `book-${i + 1}`,
    publicationDate: new Date(instant),
  }));
}

/** The same archive as arrays: ids 1… in seed order, as the database gives them. */
export const articleArray = () =>
  new ArraySource(
    seedArticles().map((a, i) => ({ id: i + 1, ...a })),
    { modelName: 'article' },
  );
export const bookArray = () =>
  new ArraySource(
    seedBooks().map((b, i) => ({ id: i + 1, ...b })),
    { modelName: 'book' },
  );
