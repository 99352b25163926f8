import { describe, expect, it } from '@jest/globals';
import { Column, DataSource, Entity, PrimaryGeneratedColumn, type Repository } from 'typeorm';
import { DatabaseUnavailable } from '../exceptions/database-unavailable.exception.js';
import { TypeOrmSource } from './typeorm-source.js';

@Entity()
class Shelf {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  label!: string;
}

async function openShelves(): Promise<{ dataSource: DataSource; shelves: Repository<Shelf> }> {
  const dataSource = new DataSource({ type: 'sqljs', entities: [Shelf], synchronize: true });
  await dataSource.initialize();
  const shelves = dataSource.getRepository(Shelf);
  await shelves.save([{ label: 'A' }, { label: 'B' }]);
  return { dataSource, shelves };
}

/** A refused connection, as node-postgres reports it. */
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('TypeOrmSource when the database goes away', () => {
  it('throws DatabaseUnavailable from every read and write of a closed DataSource', async () => {
    const { dataSource, shelves } = await openShelves();
    const source = TypeOrmSource.fromRepository(shelves);
    const builderSource = new TypeOrmSource(shelves.createQueryBuilder('shelf'));
    const object = (await source.get({ pk: 1 }))!;
    await dataSource.destroy();
    for (const action of [
      () => source.count(),
      () => source.slice(0, 1),
      () => source.exists(),
      () => source.get({ pk: 1 }),
      () => builderSource.count(),
      () => source.create({ label: 'C' }),
      () => source.update(object, { label: 'Z' }),
      () => source.delete(object),
    ]) {
      await expect(action()).rejects.toBeInstanceOf(DatabaseUnavailable);
    }
  });

  it('turns a write that fails because the server is down into DatabaseUnavailable, and leaves other failures alone', async () => {
    const { dataSource, shelves } = await openShelves();
    try {
      const source = TypeOrmSource.fromRepository(shelves);
      const object = (await source.get({ pk: 1 }))!;
      const { save, insert } = shelves;
      shelves.save = (() => Promise.reject(refused())) as never;
      // A plain new row is stored with `insert()` (see TypeOrmSource.create()).
      shelves.insert = (() => Promise.reject(refused())) as never;
      await expect(source.create({ label: 'C' })).rejects.toBeInstanceOf(DatabaseUnavailable);
      await expect(source.update(object, { label: 'Z' })).rejects.toBeInstanceOf(DatabaseUnavailable);
      Object.assign(shelves, { save, insert });
      shelves.remove = (() => Promise.reject(refused())) as never;
      await expect(source.delete(object)).rejects.toBeInstanceOf(DatabaseUnavailable);
      const broken = new Error('NOT NULL constraint failed: shelf.label');
      shelves.remove = (() => Promise.reject(broken)) as never;
      await expect(source.delete(object)).rejects.toBe(broken);
    } finally {
      await dataSource.destroy();
    }
  });
});
