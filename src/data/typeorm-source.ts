import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { modelNameOf, verboseNameOf } from './model-names.js';
import type { ObjectSource } from './object-source.interface.js';

/** The parts of TypeORM's `EntityMetadata` used here (TypeORM stays an optional dependency). */
interface EntityMetadataLike {
  targetName: string;
  columns: Array<{ propertyPath: string }>;
  primaryColumns: Array<{ propertyPath: string }>;
  findColumnWithPropertyPath(path: string): { propertyPath: string } | undefined;
}

/** The parts of TypeORM's `SelectQueryBuilder` used here. */
export interface SelectQueryBuilderLike<T> {
  alias: string;
  expressionMap: { mainAlias?: { hasMetadata: boolean; metadata: EntityMetadataLike }; joinAttributes: unknown[] };
  clone(): SelectQueryBuilderLike<T>;
  getCount(): Promise<number>;
  getMany(): Promise<T[]>;
  getOne(): Promise<T | null>;
  offset(offset?: number): SelectQueryBuilderLike<T>;
  limit(limit?: number): SelectQueryBuilderLike<T>;
  skip(skip?: number): SelectQueryBuilderLike<T>;
  take(take?: number): SelectQueryBuilderLike<T>;
  addOrderBy(sort: string, order?: 'ASC' | 'DESC'): SelectQueryBuilderLike<T>;
  andWhere(where: string, parameters?: Record<string, unknown>): SelectQueryBuilderLike<T>;
}

/** The parts of TypeORM's `Repository` used here. */
export interface RepositoryLike<T> {
  metadata: EntityMetadataLike;
  createQueryBuilder(alias?: string): SelectQueryBuilderLike<T>;
}

/**
 * A TypeORM query as an `ObjectSource`: `count()` is one `COUNT` query and `slice()`
 * one `LIMIT/OFFSET` query (`skip/take` when the query joins relations), on a clone,
 * so the query's own filters are kept and never changed. Fields in `orderBy()` and
 * lookups must be columns of the entity.
 */
export class TypeOrmSource<T> implements ObjectSource<T> {
  readonly modelName: string;
  readonly verboseName: string;
  private readonly metadata: EntityMetadataLike;

  constructor(private readonly query: SelectQueryBuilderLike<T>) {
    const main = query.expressionMap.mainAlias;
    if (!main?.hasMetadata) throw new ImproperlyConfigured('A query builder given as a queryset must select from an entity.');
    this.metadata = main.metadata;
    this.modelName = modelNameOf(this.metadata.targetName);
    this.verboseName = verboseNameOf(this.metadata.targetName);
  }

  /** Adapt a repository: all its rows, through a fresh query builder. */
  static fromRepository<T>(repository: RepositoryLike<T>): TypeOrmSource<T> {
    return new TypeOrmSource(repository.createQueryBuilder(modelNameOf(repository.metadata.targetName)));
  }

  count(): Promise<number> {
    return this.query.clone().getCount();
  }

  async exists(): Promise<boolean> {
    return (await this.query.clone().limit(1).getMany()).length > 0;
  }

  slice(offset: number, limit?: number): Promise<T[]> {
    const query = this.query.clone();
    if (query.expressionMap.joinAttributes.length > 0) return query.skip(offset).take(limit).getMany();
    return query.offset(offset).limit(limit).getMany();
  }

  orderBy(ordering: readonly string[]): TypeOrmSource<T> {
    const query = this.query.clone();
    for (const field of ordering) {
      const descending = field.startsWith('-');
      query.addOrderBy(this.column(descending ? field.slice(1) : field), descending ? 'DESC' : 'ASC');
    }
    return new TypeOrmSource(query);
  }

  get(lookup: Readonly<Record<string, unknown>>): Promise<T | null> {
    const query = this.query.clone();
    Object.entries(lookup).forEach(([field, value], index) => {
      query.andWhere(`${this.column(field)} = :lookup${index}`, { [`lookup${index}`]: value });
    });
    return query.limit(1).getOne();
  }

  /** `alias.property` for a field name, refusing anything that is not a column. */
  private column(field: string): string {
    const path = field === 'pk' ? this.metadata.primaryColumns[0]?.propertyPath : field;
    if (!path || !this.metadata.findColumnWithPropertyPath(path)) {
      const choices = this.metadata.columns.map((column) => column.propertyPath).join(', ');
      throw new ImproperlyConfigured(`Cannot resolve keyword '${field}' into field. Choices are: ${choices}`);
    }
    return `${this.query.alias}.${path}`;
  }
}
