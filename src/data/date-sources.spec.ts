import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Column, DataSource, Entity, PrimaryGeneratedColumn, SelectQueryBuilder } from 'typeorm';
import { isoDate } from '../dates/calendar.js';
import { ArraySource } from './array-source.js';
import { dateTruncation } from './date-truncation.js';
import type { ObjectSource } from './object-source.interface.js';
import { TypeOrmSource } from './typeorm-source.js';

@Entity()
class Entry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  @Column({ type: 'date' })
  day!: string;

  @Column({ type: Date })
  at!: Date;
}

const ROWS = [
  { title: 'a', day: '2007-12-31', at: new Date('2007-12-31T23:30:00Z') },
  { title: 'b', day: '2008-02-10', at: new Date('2008-02-10T12:00:00Z') },
  { title: 'c', day: '2008-02-29', at: new Date('2008-02-29T23:00:00Z') },
  { title: 'd', day: '2008-03-01', at: new Date('2008-03-01T00:00:00Z') },
];

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = new DataSource({ type: 'sqljs', entities: [Entry], synchronize: true });
  await dataSource.initialize();
  await dataSource.getRepository(Entry).save(ROWS);
});
afterAll(() => dataSource?.destroy());

/** The same contract, run by every source that serves the date views. */
const SOURCES: Array<[string, () => ObjectSource<Entry>]> = [
  ['ArraySource', () => new ArraySource(ROWS.map((row, i) => ({ id: i + 1, ...row })))],
  ['TypeOrmSource (sql.js)', () => TypeOrmSource.fromRepository<Entry>(dataSource.getRepository(Entry))],
];

describe.each(SOURCES)('%s for the date views', (_name, make) => {
  const titles = async (source: ObjectSource<Entry>) =>
    (await source.orderBy!(['title']).slice(0)).map((entry) => entry.title);

  it('tells a date column from a datetime column', () => {
    expect(make().dateFieldKind!('day')).toBe('date');
    expect(make().dateFieldKind!('at')).toBe('datetime');
  });

  it('filters a date column by calendar dates: >= gte, < lt, <= lte', async () => {
    const source = make();
    expect(
      await titles(
        source.filterRange!('day', { gte: new Date('2008-02-10T00:00:00Z'), lt: new Date('2008-03-01T00:00:00Z') }),
      ),
    ).toEqual(['b', 'c']);
    expect(await titles(source.filterRange!('day', { lte: new Date('2008-02-10T00:00:00Z') }))).toEqual(['a', 'b']);
  });

  it('filters a datetime column by instants, and filters again', async () => {
    const february = make().filterRange!('at', {
      gte: new Date('2008-02-01T00:00:00Z'),
      lt: new Date('2008-03-01T00:00:00Z'),
    });
    expect(await titles(february)).toEqual(['b', 'c']);
    expect(await titles(february.filterRange!('at', { lte: new Date('2008-02-29T22:59:59Z') }))).toEqual(['b']);
    expect(await february.count()).toBe(2);
  });

  it('lists the distinct years, months and days, ascending or descending', async () => {
    const source = make();
    expect((await source.dates!('day', 'year', 'DESC', 'UTC')).map(isoDate)).toEqual(['2008-01-01', '2007-01-01']);
    expect((await source.dates!('day', 'month', 'ASC', 'UTC')).map(isoDate)).toEqual([
      '2007-12-01',
      '2008-02-01',
      '2008-03-01',
    ]);
    expect((await source.dates!('at', 'day', 'ASC', 'UTC')).map(isoDate)).toEqual([
      '2007-12-31',
      '2008-02-10',
      '2008-02-29',
      '2008-03-01',
    ]);
  });

  it('reads a datetime’s period in a time zone', async () => {
    const source = make();
    expect((await source.dates!('at', 'year', 'ASC', 'Europe/Paris')).map(isoDate)).toEqual(['2008-01-01']);
    expect((await source.dates!('at', 'day', 'ASC', 'Europe/Paris')).map(isoDate)).toEqual([
      '2008-01-01',
      '2008-02-10',
      '2008-03-01',
    ]);
  });
});

describe('TypeOrmSource.filterRange() on a repository', () => {
  /** A date archive's queries on `source`, as a month page runs them: the rows, the days, the next row, a count. */
  const archive = async (source: ObjectSource<Entry>, from: string, to: string) => {
    const month = source.filterRange!('at', { gte: new Date(from), lt: new Date(to) }).filterRange!('at', {
      lte: new Date('2008-02-29T22:59:59Z'),
    });
    const rows = await month.orderBy!(['-at']).slice(0);
    const days = await month.dates!('at', 'day', 'ASC', 'UTC');
    const [next] = await source.filterRange!('at', { gte: new Date(to) }).orderBy!(['at']).slice(0, 1);
    return {
      rows: rows.map((row) => row.title),
      days: days.map(isoDate),
      next: next?.title,
      count: await month.count(),
    };
  };

  it('builds the SQL of each query shape once, as the repository’s own queries, whatever the bounds', async () => {
    const source = TypeOrmSource.fromRepository<Entry>(dataSource.getRepository(Entry));
    const built = jest.spyOn(SelectQueryBuilder.prototype, 'getQuery');
    try {
      expect(await archive(source, '2008-02-01T00:00:00Z', '2008-03-01T00:00:00Z')).toEqual({
        rows: ['b'],
        days: ['2008-02-10'],
        next: 'd',
        count: 1,
      });
      const first = built.mock.calls.length;
      expect(first).toBeGreaterThanOrEqual(4);
      expect(await archive(source, '2007-12-01T00:00:00Z', '2008-01-01T00:00:00Z')).toEqual({
        rows: ['a'],
        days: ['2007-12-31'],
        next: 'b',
        count: 1,
      });
      expect(await archive(source, '2008-01-01T00:00:00Z', '2008-02-01T00:00:00Z')).toEqual({
        rows: [],
        days: [],
        next: 'b',
        count: 0,
      });
      expect(built.mock.calls.length).toBe(first);
    } finally {
      built.mockRestore();
    }
  });

  it('keeps the SQL of an ordered repository’s archive while another ordering of it is used between requests', async () => {
    const root = TypeOrmSource.fromRepository<Entry>(dataSource.getRepository(Entry));
    // As the archive views do: the repository ordered by the date field, then filtered.
    const archivePage = async (from: string, to: string) =>
      (await root.orderBy!(['-at']).filterRange!('at', { gte: new Date(from), lt: new Date(to) }).slice(0)).map(
        (row) => row.title,
      );
    expect(await archivePage('2008-02-01T00:00:00Z', '2008-03-01T00:00:00Z')).toEqual(['c', 'b']);
    expect((await root.orderBy!(['title']).slice(0)).map((row) => row.title)).toEqual(['a', 'b', 'c', 'd']);
    const built = jest.spyOn(SelectQueryBuilder.prototype, 'getQuery');
    try {
      expect(await archivePage('2007-12-01T00:00:00Z', '2008-03-02T00:00:00Z')).toEqual(['d', 'c', 'b', 'a']);
      expect((await root.orderBy!(['title']).slice(0)).map((row) => row.title)).toEqual(['a', 'b', 'c', 'd']);
      expect(await archivePage('2008-03-01T00:00:00Z', '2008-04-01T00:00:00Z')).toEqual(['d']);
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });

  it('keeps the shapes of other filters and orderings apart', async () => {
    const source = TypeOrmSource.fromRepository<Entry>(dataSource.getRepository(Entry));
    const byDay = source.filterRange!('day', { gte: new Date('2008-02-10T00:00:00Z') });
    const byInstant = source.filterRange!('at', { lte: new Date('2008-02-10T12:00:00Z') });
    expect((await byDay.orderBy!(['title']).slice(0)).map((row) => row.title)).toEqual(['b', 'c', 'd']);
    expect((await byDay.orderBy!(['-title']).slice(0)).map((row) => row.title)).toEqual(['d', 'c', 'b']);
    expect((await byInstant.orderBy!(['title']).slice(0)).map((row) => row.title)).toEqual(['a', 'b']);
    expect((await source.orderBy!(['title']).slice(0)).map((row) => row.title)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('dateTruncation()', () => {
  it('truncates on SQLite with strftime(), and on PostgreSQL with date_trunc() in the zone', () => {
    expect(dateTruncation('sqljs', 'e.at', 'month', 'datetime', 'UTC')).toEqual({
      sql: "strftime('%Y-%m-01', e.at)",
      usesTimeZone: false,
      exact: true,
    });
    expect(dateTruncation('postgres', 'e.day', 'year', 'date', 'Europe/Paris').sql).toBe(
      "to_char(date_trunc('year', e.day), 'YYYY-MM-DD')",
    );
    expect(dateTruncation('postgres', 'e.at', 'day', 'datetime', 'Europe/Paris').sql).toBe(
      "to_char(date_trunc('day', (e.at) AT TIME ZONE 'UTC' AT TIME ZONE :dateTimeZone), 'YYYY-MM-DD')",
    );
    expect(dateTruncation('postgres', 'e.at', 'day', 'datetime', 'UTC', true).sql).toBe(
      "to_char(date_trunc('day', e.at AT TIME ZONE :dateTimeZone), 'YYYY-MM-DD')",
    );
  });

  it('reads the distinct values of other databases, to truncate them in memory', () => {
    expect(dateTruncation('mysql', 'e.at', 'day', 'datetime', 'UTC')).toEqual({
      sql: 'e.at',
      usesTimeZone: false,
      exact: false,
    });
  });
});
