import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  Column,
  DataSource,
  DeleteDateColumn,
  Entity,
  type Logger,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Repository,
  type SelectQueryBuilder,
} from 'typeorm';
import { TypeOrmSource } from './typeorm-source.js';

@Entity()
class Shelf {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  room!: string;

  @OneToMany(
    () => Volume,
    (volume) => volume.shelf,
  )
  volumes!: Volume[];
}

/** Ordered by default (`@Entity({ orderBy })`): a count must not carry the ORDER BY. */
@Entity({ orderBy: { title: 'DESC' } })
class Volume {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  @Column()
  author!: string;

  @ManyToOne(
    () => Shelf,
    (shelf) => shelf.volumes,
  )
  shelf!: Shelf;

  @DeleteDateColumn({ nullable: true })
  deletedAt!: Date | null;
}

class Queries implements Logger {
  readonly sql: string[] = [];
  logQuery(query: string) {
    this.sql.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/** better-sqlite3 is a native module: its tests run where it is built. */
const drivers: Array<'sqljs' | 'better-sqlite3'> = ['sqljs'];
try {
  const { default: Database } = (await import('better-sqlite3' as string)) as {
    default: new (file: string) => { close(): void };
  };
  new Database(':memory:').close();
  drivers.push('better-sqlite3');
} catch {
  // not built here: sql.js alone
}

describe.each(drivers)(
  'TypeOrmSource.count() on %s: COUNT(*) where each row is one object, TypeORM’s count otherwise',
  (driver) => {
    let dataSource: DataSource;
    let volumes: Repository<Volume>;
    const queries = new Queries();

    beforeAll(async () => {
      dataSource = new DataSource({
        type: driver,
        database: driver === 'better-sqlite3' ? ':memory:' : undefined,
        entities: [Shelf, Volume],
        synchronize: true,
        logging: ['query'],
        logger: queries,
      } as never);
      await dataSource.initialize();
      const shelves = await dataSource.getRepository(Shelf).save(['north', 'south', 'empty'].map((room) => ({ room })));
      volumes = dataSource.getRepository(Volume);
      // 30 volumes: 20 on the north shelf, 10 on the south one; two authors; 4 soft-deleted.
      await volumes.save(
        Array.from({ length: 30 }, (_, i) => ({
          title: `Volume ${i}`,
          author: i % 3 === 0 ? 'Le Guin' : 'Herbert',
          shelf: shelves[i < 20 ? 0 : 1],
        })),
      );
      await volumes.softDelete([1, 2, 3, 4]);
    });
    afterAll(() => dataSource.destroy());

    /** What the source counts, the SQL it sent, and what TypeORM's own `getCount()` gives. */
    async function counted<T extends object>(query: () => SelectQueryBuilder<T>) {
      queries.sql.length = 0;
      const count = await new TypeOrmSource(query()).count();
      const sql = queries.sql.filter((q) => /COUNT/.test(q));
      return { count, sql, typeorm: await query().getCount(), rows: (await query().getMany()).length };
    }

    it('counts a repository with COUNT(*), without the entity’s default ORDER BY, leaving soft-deleted rows out', async () => {
      queries.sql.length = 0;
      expect(await TypeOrmSource.fromRepository(volumes).count()).toBe(26);
      expect(await TypeOrmSource.fromRepository(volumes).orderBy(['-title']).count()).toBe(26);
      expect(queries.sql).toHaveLength(2);
      for (const sql of queries.sql) {
        expect(sql).toBe('SELECT COUNT(*) AS "cnt" FROM "volume" "volume" WHERE "volume"."deletedAt" IS NULL');
      }
      expect(await volumes.count()).toBe(26);
    });

    it('counts a filtered query, with its parameters, the same as TypeORM', async () => {
      const result = await counted(() =>
        volumes
          .createQueryBuilder('v')
          .where('v.author = :author', { author: 'Le Guin' })
          .andWhere('v.id > :min', { min: 3 }),
      );
      expect(result).toMatchObject({ count: 8, typeorm: 8, rows: 8 });
      expect(result.sql[0]).toBe(
        'SELECT COUNT(*) AS "cnt" FROM "volume" "v" WHERE ( "v"."author" = ? AND "v"."id" > 3 ) AND ( "v"."deletedAt" IS NULL )',
      );
    });

    it('counts soft-deleted rows when the query asks for them', async () => {
      const result = await counted(() => volumes.createQueryBuilder('v').withDeleted());
      expect(result).toMatchObject({ count: 30, typeorm: 30, rows: 30 });
      expect(result.sql[0]).toMatch(/COUNT\(\*\)/);
    });

    it('ignores a query’s own ORDER BY, LIMIT and OFFSET, as TypeORM’s count does', async () => {
      const result = await counted(() => volumes.createQueryBuilder('v').orderBy('v.title').skip(5).take(3));
      expect(result).toMatchObject({ count: 26, typeorm: 26, rows: 3 });
      expect(result.sql[0]).not.toMatch(/ORDER BY|LIMIT|OFFSET/);
    });

    it('counts an inner join that filters but cannot multiply (many-to-one) with TypeORM’s count', async () => {
      const result = await counted(() =>
        volumes.createQueryBuilder('v').innerJoin('v.shelf', 's').where('s.room = :room', { room: 'south' }),
      );
      expect(result).toMatchObject({ count: 10, typeorm: 10, rows: 10 });
      expect(result.sql[0]).toMatch(/COUNT\(DISTINCT\("v"."id"\)\)/);
    });

    it('counts objects, not joined rows, when a one-to-many join multiplies them', async () => {
      // 3 shelves, 26 live volumes: the join gives 27 rows (the empty shelf once), the count 3.
      const result = await counted(() =>
        dataSource.getRepository(Shelf).createQueryBuilder('s').leftJoinAndSelect('s.volumes', 'v'),
      );
      expect(result).toMatchObject({ count: 3, typeorm: 3, rows: 3 });
      expect(result.sql[0]).toMatch(/COUNT\(DISTINCT\("s"."id"\)\)/);
      const raw = await dataSource
        .getRepository(Shelf)
        .createQueryBuilder('s')
        .leftJoin('s.volumes', 'v')
        .select('s.id')
        .getRawMany();
      expect(raw).toHaveLength(27);
    });

    it('leaves DISTINCT and GROUP BY queries to TypeORM’s count', async () => {
      const distinct = await counted(() => volumes.createQueryBuilder('v').select('v.author').distinct(true));
      expect(distinct.count).toBe(distinct.typeorm);
      expect(distinct.sql[0]).toMatch(/COUNT\(1\)/);
      const grouped = await counted(() => volumes.createQueryBuilder('v').groupBy('v.author'));
      expect(grouped.count).toBe(grouped.typeorm);
      expect(grouped.sql[0]).toMatch(/COUNT\(1\)/);
    });

    it('counts an empty result as 0', async () => {
      expect(await counted(() => volumes.createQueryBuilder('v').where('v.id < 0'))).toMatchObject({
        count: 0,
        typeorm: 0,
        rows: 0,
      });
    });
  },
);
