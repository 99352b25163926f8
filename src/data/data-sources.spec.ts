import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  DataSource,
  Entity,
  type EntitySubscriberInterface,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Repository,
  SelectQueryBuilder,
  VersionColumn,
} from 'typeorm';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { ViewRequest } from '../http/view-request.js';
import { ListView } from '../views/list.view.js';
import { ArraySource } from './array-source.js';
import { toObjectSource } from './to-object-source.js';
import { TypeOrmSource } from './typeorm-source.js';

@Entity()
class BookAuthor {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  name!: string;
}

/** An entity with a default order (Django's `Meta.ordering`). */
@Entity({ orderBy: { name: 'DESC' } })
class Shelf {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  name!: string;
}

describe('ArraySource', () => {
  const people = [
    { id: 1, name: 'b', age: 30 },
    { id: 2, name: 'a', age: 30 },
    { id: 3, name: 'c', age: 20 },
  ];

  it('orders with Django’s syntax, descending with a minus', async () => {
    const ordered = new ArraySource(people).orderBy(['-age', 'name']);
    expect((await ordered.slice(0)).map((p) => p.id)).toEqual([2, 1, 3]);
  });

  it('slices like LIMIT/OFFSET', async () => {
    expect((await new ArraySource(people).slice(1, 1)).map((p) => p.id)).toEqual([2]);
  });

  it('looks up by pk (id) and fields, matching a string pk to a numeric id', async () => {
    const source = new ArraySource(people);
    expect(await source.get({ pk: '3' })).toBe(people[2]);
    expect(await source.get({ name: 'a', age: 30 })).toBe(people[1]);
    expect(await source.get({ name: 'zz' })).toBeNull();
  });
});

describe('TypeOrmSource on SQLite', () => {
  let dataSource: DataSource;
  let repository: Repository<BookAuthor>;
  const queries: string[] = [];

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'sqljs',
      entities: [BookAuthor, Shelf],
      synchronize: true,
      logging: ['query'],
      logger: {
        logQuery: (q: string) => void queries.push(q),
        logQueryError() {},
        logQuerySlow() {},
        logSchemaBuild() {},
        logMigration() {},
        log() {},
      },
    });
    await dataSource.initialize();
    repository = dataSource.getRepository(BookAuthor);
    await repository.save(['Ursula', 'Frank', 'Iain', 'Ann'].map((name) => ({ name })));
  });
  afterAll(() => dataSource.destroy());

  it('names the model after the entity class, as Django does', () => {
    const source = TypeOrmSource.fromRepository(repository);
    expect([source.modelName, source.verboseName]).toEqual(['bookauthor', 'book author']);
  });

  it('counts with one COUNT query and reads a slice with LIMIT/OFFSET', async () => {
    const source = toObjectSource(repository, 'View');
    queries.length = 0;
    expect(await source.count()).toBe(4);
    expect((await source.orderBy!(['name']).slice(1, 2)).map((a) => a.name)).toEqual(['Frank', 'Iain']);
    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatch(/COUNT\(/);
    expect(queries[1]).toMatch(/LIMIT 2 OFFSET 1/);
  });

  it('keeps a query builder’s filters without changing the builder', async () => {
    const query = repository.createQueryBuilder('a').where('a.id <= :max', { max: 2 });
    const source = toObjectSource(query, 'View');
    expect(await source.count()).toBe(2);
    await source.orderBy!(['-name']).slice(0);
    expect(query.getSql()).not.toMatch(/ORDER BY/);
  });

  it('gives a repository’s sources queries of their own: orderBy() leaves its source as it was, and slices and counts do not leak into each other', async () => {
    const source = TypeOrmSource.fromRepository(repository);
    const byName = source.orderBy(['name']);
    const byIdDescending = byName.orderBy(['-id']);
    expect((await byName.slice(0, 2)).map((a) => a.name)).toEqual(['Ann', 'Frank']);
    expect((await byName.slice(2)).map((a) => a.name)).toEqual(['Iain', 'Ursula']);
    expect(await byName.count()).toBe(4);
    // Django's order_by() replaces the ordering before it.
    expect((await byIdDescending.slice(0)).map((a) => a.id)).toEqual([4, 3, 2, 1]);
    queries.length = 0;
    expect((await source.slice(0)).map((a) => a.id)).toEqual([1, 2, 3, 4]);
    expect(queries[0]).not.toMatch(/ORDER BY/);
    expect((await source.get({ name: 'Iain' }))?.id).toBe(3);
    expect(await source.count()).toBe(4);
  });

  it('makes one source per repository, and gives the same source for the same ordering (sources never change)', async () => {
    const source = TypeOrmSource.fromRepository(repository);
    expect(TypeOrmSource.fromRepository(repository)).toBe(source);
    const ordering = ['-name'];
    const descending = source.orderBy(ordering);
    expect(source.orderBy(['-name'])).toBe(descending);
    // The caller's array changes afterwards: its new ordering gets a source of its own.
    ordering[0] = 'name';
    const ascending = source.orderBy(ordering);
    expect(ascending).not.toBe(descending);
    expect(source.orderBy(['name', 'id'])).not.toBe(ascending);
    expect((await ascending.slice(0, 1)).map((a) => a.name)).toEqual(['Ann']);
    expect((await descending.slice(0, 1)).map((a) => a.name)).toEqual(['Ursula']);
    expect((await source.slice(0, 1)).map((a) => a.id)).toEqual([1]);
  });

  it('replaces a query builder’s ORDER BY with the ordering, as Django’s order_by() does', async () => {
    const query = repository.createQueryBuilder('a').orderBy('a.name', 'DESC');
    const byId = toObjectSource(query, 'View').orderBy!(['id']);
    expect((await byId.slice(0)).map((a) => a.id)).toEqual([1, 2, 3, 4]);
    expect(query.getSql()).toMatch(/ORDER BY "a"."name" DESC$/);
  });

  it('replaces the entity’s orderBy (Meta.ordering) with the ordering, and follows it without one', async () => {
    const shelves = dataSource.getRepository(Shelf);
    await shelves.save(['b', 'c', 'a'].map((name) => ({ name })));
    const source = TypeOrmSource.fromRepository(shelves);
    expect((await source.slice(0)).map((s) => s.name)).toEqual(['c', 'b', 'a']);
    expect((await source.orderBy(['name']).slice(0)).map((s) => s.name)).toEqual(['a', 'b', 'c']);
  });

  it('tells whether its rows are ordered (Django’s QuerySet.ordered)', () => {
    const source = TypeOrmSource.fromRepository(repository);
    expect(source.ordered).toBe(false);
    expect(source.orderBy(['name']).ordered).toBe(true);
    expect(new TypeOrmSource(repository.createQueryBuilder('a')).ordered).toBe(false);
    expect(new TypeOrmSource(repository.createQueryBuilder('a').orderBy('a.id')).ordered).toBe(true);
    expect(TypeOrmSource.fromRepository(dataSource.getRepository(Shelf)).ordered).toBe(true);
  });

  describe('paginating', () => {
    let warned: jest.Spied<Logger['warn']>;
    beforeEach(() => {
      warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    });
    afterEach(() => warned.mockRestore());

    const page = async (view: ListView<BookAuthor>) => {
      view.setup(new ViewRequest({ headers: {} }, 'GET', '/x/'), [], {});
      const source = await view.getObjectSource();
      return view.paginateQueryset(source, 2);
    };

    it('logs Django’s UnorderedObjectListWarning for an unordered list, once per view class', async () => {
      class AuthorListView extends ListView<BookAuthor> {
        override queryset = repository;
        override paginateBy = 2;
      }
      await page(new AuthorListView());
      await page(new AuthorListView());
      expect(warned.mock.calls).toEqual([
        [
          "UnorderedObjectListWarning: Pagination may yield inconsistent results with an unordered object_list: <class 'BookAuthor'> QuerySet.",
        ],
      ]);
    });

    it('does not warn for an ordered list', async () => {
      class OrderedAuthorListView extends ListView<BookAuthor> {
        override queryset = repository;
        override paginateBy = 2;
        override ordering = 'name';
      }
      await page(new OrderedAuthorListView());
      expect(warned).not.toHaveBeenCalled();
    });
  });

  it('builds the SQL of each query shape of a repository’s source once, binding each call’s values', async () => {
    const source = TypeOrmSource.fromRepository(repository).orderBy(['-id']);
    const built = jest.spyOn(SelectQueryBuilder.prototype, 'getQuery');
    try {
      queries.length = 0;
      const names = [];
      for (const pk of [2, 3, 99, 2]) names.push((await source.get({ pk }))?.name ?? null);
      expect(names).toEqual(['Frank', 'Iain', null, 'Frank']);
      expect((await source.get({ name: 'Ann', pk: 4 }))?.id).toBe(4);
      expect(await source.get({ name: 'Ann', pk: 3 })).toBeNull();
      expect([await source.count(), await source.count()]).toEqual([4, 4]);
      expect((await source.slice(0, 2)).map((a) => a.id)).toEqual([4, 3]);
      expect((await source.slice(2, 2)).map((a) => a.id)).toEqual([2, 1]);
      expect((await source.slice(0, 2)).map((a) => a.id)).toEqual([4, 3]);
      // Shapes: get by pk, get by name and pk, count, two slices.
      expect(built).toHaveBeenCalledTimes(5);
      expect(queries.slice(0, 4)).toEqual(
        [2, 3, 99, 2].map(
          (pk) =>
            `SELECT "bookauthor"."id" AS "bookauthor_id", "bookauthor"."name" AS "bookauthor_name" FROM "book_author" "bookauthor" WHERE "bookauthor"."id" = ${pk} ORDER BY "bookauthor"."id" DESC LIMIT 1`,
        ),
      );
    } finally {
      built.mockRestore();
    }
  });

  it('runs a query builder’s source with the builder’s SQL every time (its filters are the caller’s)', async () => {
    const built = jest.spyOn(SelectQueryBuilder.prototype, 'getQuery');
    try {
      for (const max of [1, 3]) {
        const source = toObjectSource(repository.createQueryBuilder('a').where(`a.id <= ${max}`), 'View');
        expect(await source.count()).toBe(max);
        expect((await source.get!({ pk: 1 }))?.name).toBe('Ursula');
      }
      expect(built).toHaveBeenCalledTimes(4);
    } finally {
      built.mockRestore();
    }
  });

  it('finds one object by pk', async () => {
    expect((await TypeOrmSource.fromRepository(repository).get({ pk: 2 }))?.name).toBe('Frank');
    expect(await TypeOrmSource.fromRepository(repository).get({ pk: 99 })).toBeNull();
  });

  it('refuses a field that is not a column, listing the choices', () => {
    expect(() => TypeOrmSource.fromRepository(repository).orderBy(['title'])).toThrow(
      new ImproperlyConfigured("Cannot resolve keyword 'title' into field. Choices are: id, name"),
    );
  });
});

describe('toObjectSource', () => {
  it('explains what getQueryset() may return', () => {
    expect(() => toObjectSource(42 as never, 'BookListView')).toThrow(
      new ImproperlyConfigured(
        'BookListView.getQueryset() returned a number. Return a TypeORM Repository or SelectQueryBuilder, an array, or an object with count() and slice() (ObjectSource).',
      ),
    );
  });
});

describe('Writes through sources', () => {
  it('ArraySource creates with the next id, updates in place and deletes from its array', async () => {
    const items = [
      { id: 1, name: 'a' },
      { id: 4, name: 'b' },
    ];
    const source = new ArraySource(items);
    const created = await source.create({ name: 'c' });
    expect(created).toEqual({ id: 5, name: 'c' });
    expect(await source.update(items[0]!, { name: 'z' })).toBe(items[0]);
    await source.delete(items[1]!);
    expect(items).toEqual([
      { id: 1, name: 'z' },
      { id: 5, name: 'c' },
    ]);
  });

  it('TypeOrmSource inserts, updates and deletes rows; a failed insert stores nothing', async () => {
    @Entity()
    class Shelf {
      @PrimaryGeneratedColumn()
      id!: number;
      @Column({ unique: true })
      label!: string;
    }
    const dataSource = new DataSource({ type: 'sqljs', entities: [Shelf], synchronize: true });
    await dataSource.initialize();
    try {
      const repository = dataSource.getRepository(Shelf);
      const source = TypeOrmSource.fromRepository(repository);
      const created = await source.create({ label: 'A' });
      expect(created).toBeInstanceOf(Shelf);
      expect(created.id).toBe(1);
      await source.update(created, { label: 'B' });
      expect(await repository.findOneByOrFail({ id: 1 })).toMatchObject({ label: 'B' });
      await expect(source.create({ label: 'B' })).rejects.toThrow(/UNIQUE/);
      expect(await repository.count()).toBe(1);
      const fromQuery = toObjectSource(repository.createQueryBuilder('s'), 'View');
      await fromQuery.create!({ label: 'C' });
      await source.delete(created);
      expect((await repository.find()).map((shelf) => shelf.label)).toEqual(['C']);
    } finally {
      await dataSource.destroy();
    }
  });

  describe('TypeOrmSource.create()', () => {
    @Entity()
    class Memo {
      @PrimaryGeneratedColumn()
      id!: number;
      @Column()
      title!: string;
      @Column({ default: 'draft' })
      status!: string;
      @Column({ transformer: { to: (value: string) => value.toUpperCase(), from: (value: string) => value } })
      code!: string;
      @CreateDateColumn()
      created!: Date;
      @VersionColumn()
      version!: number;
    }

    /** Runs a listener before each insert. */
    @Entity()
    class Slugged {
      @PrimaryGeneratedColumn()
      id!: number;
      @Column()
      title!: string;
      @Column()
      slug!: string;
      @BeforeInsert()
      makeSlug() {
        this.slug = this.title.toLowerCase();
      }
    }

    @Entity()
    class Shelf2 {
      @PrimaryGeneratedColumn()
      id!: number;
      @Column()
      label!: string;
    }

    /** Has a relation that `save()` cascades into. */
    @Entity()
    class Placed {
      @PrimaryGeneratedColumn()
      id!: number;
      @ManyToOne(() => Shelf2, { cascade: ['insert'], nullable: true })
      shelf?: Shelf2;
    }

    /** A natural primary key, given by the caller. */
    @Entity()
    class Country {
      @PrimaryColumn()
      code!: string;
      @Column()
      name!: string;
    }

    let dataSource: DataSource;
    const queries: string[] = [];

    beforeEach(async () => {
      dataSource = new DataSource({
        type: 'sqljs',
        entities: [Memo, Slugged, Shelf2, Placed, Country],
        synchronize: true,
        logging: ['query'],
        logger: {
          logQuery: (q: string) => void queries.push(q),
          logQueryError() {},
          logQuerySlow() {},
          logSchemaBuild() {},
          logMigration() {},
          log() {},
        },
      });
      await dataSource.initialize();
      queries.length = 0;
    });
    afterEach(() => dataSource.destroy());

    it('stores a plain row with its one INSERT, no transaction, and gives the object what save() gives it', async () => {
      const repository = dataSource.getRepository(Memo);
      const created = await TypeOrmSource.fromRepository(repository).create({ title: 'a', code: 'x' });
      expect(queries.filter((q) => /^(BEGIN|COMMIT|INSERT)/.test(q)).map((q) => q.split(' ')[0])).toEqual(['INSERT']);
      const saved = await repository.save(repository.create({ title: 'b', code: 'y' }));
      expect(created).toBeInstanceOf(Memo);
      expect(Object.keys(created).sort()).toEqual(Object.keys(saved).sort());
      expect(created).toMatchObject({ id: 1, title: 'a', status: 'draft', code: 'x', version: 1 });
      expect(created.created).toBeInstanceOf(Date);
      expect(await repository.findOneByOrFail({ id: 1 })).toMatchObject({
        title: 'a',
        status: 'draft',
        code: 'X',
        version: 1,
      });
    });

    it('saves with save() when save() does more than one INSERT: listeners, subscribers, relations, a given primary key', async () => {
      const transactions = () => queries.filter((q) => q.startsWith('BEGIN')).length;

      const slugged = await TypeOrmSource.fromRepository(dataSource.getRepository(Slugged)).create({ title: 'Dune' });
      expect([slugged.slug, transactions()]).toEqual(['dune', 1]);

      const placed = await TypeOrmSource.fromRepository(dataSource.getRepository(Placed)).create({
        shelf: { label: 'top' },
      });
      expect([placed.shelf?.id, await dataSource.getRepository(Shelf2).count(), transactions()]).toEqual([1, 1, 2]);

      // save() of an object whose key is given updates the row that has it.
      const countries = TypeOrmSource.fromRepository(dataSource.getRepository(Country));
      await countries.create({ code: 'FR', name: 'France' });
      await countries.create({ code: 'FR', name: 'République française' });
      const rows = await dataSource.getRepository(Country).find();
      expect([rows.map((row) => ({ ...row })), transactions()]).toEqual([
        [{ code: 'FR', name: 'République française' }],
        4,
      ]);

      const inserted: unknown[] = [];
      const subscriber: EntitySubscriberInterface = { afterInsert: (event) => void inserted.push(event.entity) };
      dataSource.subscribers.push(subscriber);
      const shelf = await TypeOrmSource.fromRepository(dataSource.getRepository(Shelf2)).create({ label: 'low' });
      expect([inserted, transactions()]).toEqual([[shelf], 5]);
    });
  });
});
