import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { assertConnected, rethrowDatabaseError } from './database-errors.js';
import { modelNameOf, verboseNameOf } from './model-names.js';
import { dateTruncation } from './date-truncation.js';
import { distinctDates, isoDate } from '../dates/calendar.js';
import type { DateKind, DateRange, ObjectSource } from './object-source.interface.js';
import { MESSAGES } from '../class-views.messages.js';

/** The parts of TypeORM's `EntityMetadata` used here (TypeORM stays an optional dependency). */
interface EntityMetadataLike {
  targetName: string;
  target: Function | string;
  columns: Array<{ propertyPath: string }>;
  primaryColumns: Array<{ propertyPath: string }>;
  /** `type` is the column's declared type (`'date'`, `Date`, `'timestamp'`…), read by the date views. */
  findColumnWithPropertyPath(path: string): { propertyPath: string; type?: unknown } | undefined;
  /** The entity's default order, `@Entity({ orderBy })` (Django's `Meta.ordering`). */
  orderBy?: Record<string, unknown>;
}

/** What `insertsAlone()` reads of an entity's metadata, beyond `EntityMetadataLike`. */
interface InsertMetadataLike {
  primaryColumns: Array<{ isGenerated?: boolean; getEntityValue(object: unknown): unknown }>;
  relations?: Array<{ getEntityValue(object: unknown): unknown }>;
  treeType?: string;
  beforeInsertListeners?: unknown[];
  afterInsertListeners?: unknown[];
  connection?: { subscribers?: unknown[] };
}

/** The parts of TypeORM's `SelectQueryBuilder` used here. */
export interface SelectQueryBuilderLike<T> {
  /** The alias of the main entity in the query. */
  alias: string;
  /** The builder's parts, read to tell what the query already does. */
  expressionMap: {
    /** The main entity, when the query has one. */
    mainAlias?: {
      /** Whether the main alias is an entity. */
      hasMetadata: boolean;
      /** The entity's metadata. */
      metadata: EntityMetadataLike;
    };
    /** The joins. */
    joinAttributes: unknown[];
    /** The `ORDER BY` terms. */
    orderBys: Record<string, unknown>;
    /** The `loadRelationIdAndMap()` attributes. */
    relationIdAttributes?: unknown[];
    /** Whether the query is `DISTINCT`. */
    selectDistinct?: boolean;
    /** The `DISTINCT ON` terms. */
    selectDistinctOn?: unknown[];
    /** The `GROUP BY` terms. */
    groupBys?: unknown[];
    /** The `HAVING` terms. */
    havings?: unknown[];
    /** The named parameters. */
    parameters?: Record<string, unknown>;
  };
  /** TypeORM's `clone()`. */
  clone(): SelectQueryBuilderLike<T>;
  /** TypeORM's `getQuery()`. */
  getQuery(): string;
  /** TypeORM's `getCount()`. */
  getCount(): Promise<number>;
  /** TypeORM's `getRawOne()`. */
  getRawOne<R = Record<string, unknown>>(): Promise<R | undefined>;
  /** TypeORM's `getRawMany()`. */
  getRawMany<R = Record<string, unknown>>(): Promise<R[]>;
  /** TypeORM's `distinct()`. */
  distinct(distinct?: boolean): SelectQueryBuilderLike<T>;
  /** TypeORM's `setParameter()`. */
  setParameter(key: string, value: unknown): SelectQueryBuilderLike<T>;
  /** TypeORM's `select()`. */
  select(selection: string, alias?: string): SelectQueryBuilderLike<T>;
  /** TypeORM's `orderBy()`: with no argument, drops the order. */
  orderBy(sort?: string, order?: 'ASC' | 'DESC'): SelectQueryBuilderLike<T>;
  /** TypeORM's `orderBy()` with no argument: drops the order. */
  orderBy(): SelectQueryBuilderLike<T>;
  /** TypeORM's `setOption()`. */
  setOption(option: 'disable-global-order'): SelectQueryBuilderLike<T>;
  /** TypeORM's `getMany()`. */
  getMany(): Promise<T[]>;
  /** TypeORM's `getOne()`. */
  getOne(): Promise<T | null>;
  /** TypeORM's `offset()`. */
  offset(offset?: number): SelectQueryBuilderLike<T>;
  /** TypeORM's `limit()`. */
  limit(limit?: number): SelectQueryBuilderLike<T>;
  /** TypeORM's `skip()`. */
  skip(skip?: number): SelectQueryBuilderLike<T>;
  /** TypeORM's `take()`. */
  take(take?: number): SelectQueryBuilderLike<T>;
  /** TypeORM's `addOrderBy()`. */
  addOrderBy(sort: string, order?: 'ASC' | 'DESC'): SelectQueryBuilderLike<T>;
  /** TypeORM's `andWhere()`. */
  andWhere(where: string, parameters?: Record<string, unknown>): SelectQueryBuilderLike<T>;
  /** The builder's `DataSource`: writes go through its repository; a closed one is told apart from a failing query. */
  readonly connection?: {
    /** The repository of an entity. */
    getRepository(target: any): unknown;
    /** Whether the data source is connected. */
    readonly isInitialized: boolean;
    /** Its driver's type (`'sqljs'`, `'postgres'`…) says how the date views truncate dates in SQL. */
    readonly driver?: {
      /** The driver's options. */
      readonly options: {
        /** The driver's type. */
        readonly type: string;
      };
    };
  };
}

/** The parts of TypeORM's `Repository` used here. */
export interface RepositoryLike<T> {
  /** The entity's metadata. */
  metadata: EntityMetadataLike;
  /** TypeORM's `Repository.createQueryBuilder()`. */
  createQueryBuilder(alias?: string): SelectQueryBuilderLike<T>;
  /** TypeORM's `Repository.create()`. */
  create?(values: object): T;
  /** TypeORM's `Repository.merge()`. */
  merge?(object: T, values: object): T;
  /** TypeORM's `Repository.save()`. */
  save?(object: T): Promise<T>;
  /** `NoInfer`: TypeORM types its parameter loosely, which would otherwise decide `T`. */
  insert?(object: NoInfer<T>): Promise<unknown>;
  /** TypeORM's `Repository.remove()`. */
  remove?(object: T): Promise<T>;
  /** The repository's `EntityManager`, whose `connection` says whether it is connected. */
  readonly manager?: {
    /** The data source. */
    readonly connection: {
      /** Whether the data source is connected. */
      readonly isInitialized: boolean;
    };
  };
}

/** The names of an entity, worked out once per entity rather than on every request. */
const entityNames = new WeakMap<EntityMetadataLike, { modelName: string; verboseName: string }>();

function namesOf(metadata: EntityMetadataLike): { modelName: string; verboseName: string } {
  let names = entityNames.get(metadata);
  if (!names) {
    names = { modelName: modelNameOf(metadata.targetName), verboseName: verboseNameOf(metadata.targetName) };
    entityNames.set(metadata, names);
  }
  return names;
}

/** Entities whose rows `insertsAlone()` may insert with one statement, by metadata (what does not change per object). */
const plainRowEntities = new WeakMap<object, boolean>();

/**
 * Whether `save()` of the new `object` would send nothing but one `INSERT`, so that
 * `repository.insert()` stores the same row and gives `object` the same generated values
 * (TypeORM's `save()` builds that same `INSERT`): no relation set on the object (nothing to
 * cascade), a generated primary key not set (`save()` would look the row up and maybe
 * update it), no tree, and no entity listener or subscriber (`save()` runs those in its
 * transaction, and a failing one undoes the row). What `save()` adds around that `INSERT`,
 * `BEGIN`, `COMMIT` and its change tracking, is a transaction per row; one statement is
 * atomic without it.
 */
function insertsAlone(metadata: InsertMetadataLike, object: unknown): boolean {
  let plain = plainRowEntities.get(metadata);
  if (plain === undefined) {
    plain =
      metadata.treeType === undefined &&
      Array.isArray(metadata.relations) &&
      Array.isArray(metadata.beforeInsertListeners) &&
      metadata.beforeInsertListeners.length === 0 &&
      Array.isArray(metadata.afterInsertListeners) &&
      metadata.afterInsertListeners.length === 0 &&
      metadata.primaryColumns.every((column) => column.isGenerated === true);
    plainRowEntities.set(metadata, plain);
  }
  return (
    plain &&
    metadata.connection?.subscribers?.length === 0 &&
    metadata.primaryColumns.every((column) => column.getEntityValue(object) === undefined) &&
    metadata.relations!.every((relation) => relation.getEntityValue(object) === undefined)
  );
}

/** `filterRange()`'s bounds and their SQL operators. */
const RANGE_OPERATORS = [
  ['gte', '>='],
  ['lt', '<'],
  ['lte', '<='],
] as const;

/** The query shapes whose SQL a repository's source keeps (pages of a list, lookups). */
const MAX_SHAPES = 200;

/** The source of each repository, made on its first use. */
const repositorySources = new WeakMap<object, TypeOrmSource<unknown>>();

/** Whether two orderings list the same fields in the same order. */
function sameOrdering(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Whether each row the query selects is one object, so that `COUNT(*)` counts the
 * objects: no joins or relation ids (rows multiplied, TypeORM counts distinct primary
 * keys), no `DISTINCT`, `GROUP BY` or `HAVING`, no find-options `select`.
 */
function countsRows(query: SelectQueryBuilderLike<unknown>): boolean {
  const map = query.expressionMap;
  return (
    map.joinAttributes.length === 0 &&
    !map.relationIdAttributes?.length &&
    !map.selectDistinct &&
    !map.selectDistinctOn?.length &&
    !map.groupBys?.length &&
    !map.havings?.length &&
    !(query as { findOptions?: { select?: unknown } }).findOptions?.select
  );
}

/** An `ORDER BY` term: a column (`alias.path`) and its direction. */
type OrderTerm = readonly [column: string, direction: 'ASC' | 'DESC'];

/** A `WHERE` term of a repository's source: its SQL, with one named parameter and its value. */
type FilterTerm = readonly [sql: string, parameter: string, value: unknown];

/**
 * A TypeORM query as an `ObjectSource`: `count()` is one `COUNT` query and `slice()`
 * one `LIMIT/OFFSET` query (`skip/take` when the query joins relations), each on a query
 * of its own, so the query's own filters are kept and never changed. Fields in
 * `orderBy()` and lookups must be columns of the entity.
 *
 * A source made from a repository builds each query fresh from it, with its ordering,
 * and is made once per repository (a query builder made only to read the entity's
 * metadata cost as much as a query); a source made from a query builder clones that
 * builder (a TypeORM clone costs more than a fresh builder, and a list page runs
 * two queries per request). Sources never change: `orderBy()` returns another one.
 */
export class TypeOrmSource<T> implements ObjectSource<T> {
  readonly modelName: string;
  readonly verboseName: string;
  /** Whether the rows come in a defined order: an `ORDER BY`, or the entity's `orderBy`. */
  readonly ordered: boolean;
  /** The entity class's name (`Book`), for messages. */
  readonly entityName: string;
  private readonly metadata: EntityMetadataLike;
  /** The alias every query selects the entity under. */
  private readonly alias: string;
  /** A builder's source: the builder, cloned for each query and never run nor changed itself. */
  private readonly query?: SelectQueryBuilderLike<T>;
  /** A repository's source: the repository, which builds each query fresh. */
  private readonly repository?: RepositoryLike<T>;
  /** The ordering of a repository's source, applied to each fresh query. */
  private readonly order: readonly OrderTerm[];
  /** The filters of a repository's source (`filterRange()`), applied to each fresh query. */
  private readonly filters: readonly FilterTerm[];
  /** What `reuse()` puts before a shape's name: the ordering's and the filters' SQL. */
  private readonly shapePrefix: string;
  /**
   * A repository's source keeps its last `orderBy()`: a list view asks for the same
   * ordering on every request, and sources never change, so the same one serves.
   */
  private lastOrdering?: { readonly ordering: readonly string[]; readonly source: TypeOrmSource<T> };
  /**
   * A repository's source: the SQL of each query shape it has run (`count`, a lookup by
   * given fields, a slice), built once. The same shape gives the same SQL on every request;
   * only the parameters differ, and TypeORM binds those after `getQuery()`. The ordered and
   * filtered sources made from a repository's source (a list's ordering, a date archive's
   * period, made per request) share its map.
   */
  private readonly sql: Map<string, string>;

  constructor(query: SelectQueryBuilderLike<T>);
  /** @internal A repository's source, with its ordering and filters, sharing `sql` with the source it was made from. */
  constructor(
    query: undefined,
    repository: RepositoryLike<T>,
    order: readonly OrderTerm[],
    filters?: readonly FilterTerm[],
    sql?: Map<string, string>,
  );
  constructor(
    query: SelectQueryBuilderLike<T> | undefined,
    repository?: RepositoryLike<T>,
    order: readonly OrderTerm[] = [],
    filters: readonly FilterTerm[] = [],
    sql = new Map<string, string>(),
  ) {
    if (query) {
      const main = query.expressionMap.mainAlias;
      if (!main?.hasMetadata) throw new ImproperlyConfigured(MESSAGES.queryBuilderWithoutEntity());
      this.metadata = main.metadata;
      this.alias = query.alias;
      this.query = query;
    } else {
      this.metadata = repository!.metadata;
      this.alias = namesOf(this.metadata).modelName;
      this.repository = repository;
    }
    this.order = order;
    this.filters = filters;
    this.sql = sql;
    this.shapePrefix =
      filters.length === 0 && order.length === 0
        ? ''
        : `${order.map(([column, direction]) => `${column} ${direction}`).join(', ')} | ${filters.map(([sql]) => sql).join(' AND ')} | `;
    ({ modelName: this.modelName, verboseName: this.verboseName } = namesOf(this.metadata));
    this.entityName = this.metadata.targetName;
    const ownOrder = query ? Object.keys(query.expressionMap.orderBys).length > 0 : order.length > 0;
    this.ordered = ownOrder || Object.keys(this.metadata.orderBy ?? {}).length > 0;
  }

  /**
   * Adapt a repository: all its rows, through fresh query builders. One source per
   * repository, made on first use (it holds no state of any request).
   */
  static fromRepository<T>(repository: RepositoryLike<T>): TypeOrmSource<T> {
    let source = repositorySources.get(repository) as TypeOrmSource<T> | undefined;
    if (!source) {
      source = new TypeOrmSource<T>(undefined, repository, []);
      repositorySources.set(repository, source);
    }
    return source;
  }

  /**
   * `SELECT COUNT(*)` when every row of the query is one object (no joins, no
   * `DISTINCT`, no grouping), else TypeORM's own `getCount()`. TypeORM counts with
   * `COUNT(1)`, which SQLite answers by reading every row where it answers `COUNT(*)`
   * from the table's b-tree (far faster on a large table); every database counts the
   * same rows either way. Filters, soft-deleted rows and parameters are the query's own.
   */
  count(): Promise<number> {
    return this.countRows().catch(rethrowDatabaseError);
  }

  private async countRows(): Promise<number> {
    const query = this.fresh();
    if (!countsRows(query)) return query.getCount();
    query
      .orderBy()
      .offset(undefined)
      .limit(undefined)
      .skip(undefined)
      .take(undefined)
      .select('COUNT(*)', 'cnt')
      .setOption('disable-global-order');
    const row = await this.reuse(query, 'count').getRawOne<{ cnt?: unknown }>();
    // Drivers answer a number, a string (PostgreSQL's bigint) or a bigint.
    return row?.cnt ? Number(row.cnt) : 0;
  }

  async exists(): Promise<boolean> {
    return (await this.reuse(this.fresh().limit(1), 'exists').getMany().catch(rethrowDatabaseError)).length > 0;
  }

  async slice(offset: number, limit?: number): Promise<T[]> {
    const query = this.fresh();
    const rows =
      query.expressionMap.joinAttributes.length > 0
        ? query.skip(offset).take(limit).getMany()
        : // LIMIT and OFFSET are written into the SQL: one shape per page.
          this.reuse(query.offset(offset).limit(limit), `slice ${offset} ${limit}`).getMany();
    return rows.catch(rethrowDatabaseError);
  }

  orderBy(ordering: readonly string[]): TypeOrmSource<T> {
    const last = this.lastOrdering;
    if (last && sameOrdering(last.ordering, ordering)) return last.source;
    const terms = ordering.map((field): OrderTerm => {
      const descending = field.startsWith('-');
      return [this.column(descending ? field.slice(1) : field), descending ? 'DESC' : 'ASC'];
    });
    // Django's order_by() replaces the ordering the query had, the entity's too.
    if (!this.repository) {
      const query = this.query!.clone().orderBy();
      for (const [column, direction] of terms) query.addOrderBy(column, direction);
      return new TypeOrmSource(query);
    }
    // Every source of a repository shares its SQL by shape (the ordering and filters are in the key),
    // so views that order the same repository differently do not push each other's SQL out.
    if (this.filters.length > 0) return new TypeOrmSource<T>(undefined, this.repository, terms, this.filters, this.sql);
    const source = new TypeOrmSource<T>(undefined, this.repository, terms, [], this.sql);
    this.lastOrdering = { ordering: [...ordering], source };
    return source;
  }

  async get(lookup: Readonly<Record<string, unknown>>): Promise<T | null> {
    const query = this.fresh();
    const fields = Object.keys(lookup);
    fields.forEach((field, index) => {
      query.andWhere(`${this.column(field)} = :lookup${index}`, { [`lookup${index}`]: lookup[field] });
    });
    return this.reuse(query.limit(1), `get ${fields.join(' ')}`)
      .getOne()
      .catch(rethrowDatabaseError);
  }

  /**
   * The objects whose `field` lies within `range`: `WHERE` terms on a query of their own.
   * On a repository's source, a source of the same repository with those terms, whose
   * queries' SQL is built once per shape as the repository's own are.
   */
  filterRange(field: string, range: DateRange): TypeOrmSource<T> {
    const column = this.column(field);
    const asDate = this.dateFieldKind(field) === 'date';
    if (this.repository) {
      const filters = [...this.filters];
      for (const [key, operator] of RANGE_OPERATORS) {
        const bound = range[key];
        if (bound === undefined) continue;
        const parameter = `dateRange${filters.length}${key}`;
        filters.push([`${column} ${operator} :${parameter}`, parameter, asDate ? isoDate(bound) : bound]);
      }
      return new TypeOrmSource<T>(undefined, this.repository, this.order, filters, this.sql);
    }
    const query = this.fresh();
    // Parameter names of their own, for a source filtered more than once.
    const prefix = `dateRange${Object.keys(query.expressionMap.parameters ?? {}).length}`;
    for (const [key, operator] of RANGE_OPERATORS) {
      const bound = range[key];
      if (bound === undefined) continue;
      // A date column compares `YYYY-MM-DD` text; a datetime column, the driver's own rendering of the instant.
      query.andWhere(`${column} ${operator} :${prefix}${key}`, {
        [`${prefix}${key}`]: asDate ? isoDate(bound) : bound,
      });
    }
    return new TypeOrmSource(query);
  }

  /** `date` for a `'date'` column, `datetime` for a `Date`, `datetime` or `timestamp…` column. */
  dateFieldKind(field: string): 'date' | 'datetime' | undefined {
    const type = this.metadata.findColumnWithPropertyPath(field)?.type;
    if (type === 'date') return 'date';
    if (type === Date || (typeof type === 'string' && /^(datetime|timestamp|smalldatetime)/.test(type)))
      return 'datetime';
    return undefined;
  }

  /**
   * The distinct periods of `field`: `SELECT DISTINCT` of the value truncated in SQL
   * (SQLite's `strftime()`, PostgreSQL's `date_trunc()`), so only the periods are read.
   * Other databases, and SQLite in a time zone other than UTC, read the distinct values
   * (to the quarter hour for SQLite) and truncate them in memory.
   */
  async dates(field: string, kind: DateKind, order: 'ASC' | 'DESC', timeZone: string): Promise<Date[]> {
    const column = this.column(field);
    const query = this.fresh();
    query
      .orderBy()
      .offset(undefined)
      .limit(undefined)
      .skip(undefined)
      .take(undefined)
      .setOption('disable-global-order');
    const fieldKind = this.dateFieldKind(field) ?? 'datetime';
    const type = this.metadata.findColumnWithPropertyPath(field)?.type;
    const zoned = type === 'timestamptz' || type === 'timestamp with time zone';
    const truncation = dateTruncation(query.connection?.driver?.options.type, column, kind, fieldKind, timeZone, zoned);
    query.select(truncation.sql, 'period').distinct(true).orderBy('period', order);
    if (truncation.usesTimeZone) query.setParameter('dateTimeZone', timeZone);
    const rows = await this.reuse(query, `dates ${column} ${kind} ${order} ${timeZone}`)
      .getRawMany<{ period: unknown }>()
      .catch(rethrowDatabaseError);
    const values = rows.map((row) => row.period);
    return distinctDates(values, kind, order, truncation.exact ? 'UTC' : timeZone);
  }

  /**
   * On a repository's source, give `query` the SQL its shape was given before, built by
   * TypeORM the first time (building it is a large part of a detail page's CPU). At most
   * MAX_SHAPES shapes are kept; others are built each time. A query builder's source runs
   * the query as it is: its filters are the caller's, new on every request.
   */
  private reuse<Q extends SelectQueryBuilderLike<T>>(query: Q, shape: string): Q {
    if (!this.repository) return query;
    const key = this.shapePrefix + shape;
    let sql = this.sql.get(key);
    if (sql === undefined) {
      sql = query.getQuery();
      if (this.sql.size < MAX_SHAPES) this.sql.set(key, sql);
    }
    const built = sql;
    query.getQuery = () => built;
    return query;
  }

  /**
   * Insert one row: TypeORM's `save()` (in a transaction, cascades, listeners and
   * subscribers included), or its one `INSERT` alone when that is all `save()` would send
   * (see `insertsAlone()`). Either way the object comes back with its generated values.
   */
  create(values: Readonly<Record<string, unknown>>): Promise<T> {
    // Not `async`: the promise is TypeORM's own, not one more around it. What throws before
    // it (a closed connection, a source that cannot write) still rejects, as in an `async` method.
    try {
      const repository = this.writer();
      const object = repository.create!(values);
      if (repository.insert && insertsAlone(repository.metadata as unknown as InsertMetadataLike, object))
        return repository.insert(object).then(() => object, rethrowDatabaseError);
      return repository.save!(object).catch(rethrowDatabaseError);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Update `object`'s row with `values` (in a transaction, as `save()` does). */
  async update(object: T, values: Readonly<Record<string, unknown>>): Promise<T> {
    const repository = this.writer();
    return repository.save!(repository.merge!(object, values)).catch(rethrowDatabaseError);
  }

  /** Delete `object`'s row. */
  async delete(object: T): Promise<void> {
    await this.writer().remove!(object).catch(rethrowDatabaseError);
  }

  /** The repository that writes this source's entity; `DatabaseUnavailable` when its connection is closed. */
  private writer(): RepositoryLike<T> {
    assertConnected(this.query?.connection ?? this.repository?.manager?.connection);
    const repository =
      this.repository ?? (this.query!.connection?.getRepository(this.metadata.target) as RepositoryLike<T> | undefined);
    if (!repository?.save)
      throw new ImproperlyConfigured(MESSAGES.repositorySourceCannotWrite(this.metadata.targetName));
    return repository;
  }

  /**
   * A query of this source's own, to run or change: fresh from the repository, or a clone.
   * A closed connection throws `DatabaseUnavailable` here; a query that fails because the
   * server is down throws it where the query runs (`rethrowDatabaseError`).
   */
  private fresh(): SelectQueryBuilderLike<T> {
    if (!this.repository) {
      assertConnected(this.query!.connection);
      return this.query!.clone();
    }
    const query = this.repository.createQueryBuilder(this.alias);
    assertConnected(query.connection);
    for (const [sql, parameter, value] of this.filters) query.andWhere(sql, { [parameter]: value });
    for (const [column, direction] of this.order) query.addOrderBy(column, direction);
    return query;
  }

  /** `alias.property` for a field name, refusing anything that is not a column. */
  private column(field: string): string {
    const path = field === 'pk' ? this.metadata.primaryColumns[0]?.propertyPath : field;
    if (!path || !this.metadata.findColumnWithPropertyPath(path)) {
      const choices = this.metadata.columns.map((column) => column.propertyPath).join(', ');
      throw new ImproperlyConfigured(MESSAGES.unknownKeyword(field, choices));
    }
    return `${this.alias}.${path}`;
  }
}
