import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { ArraySource } from './array-source.js';
import type { ObjectSource } from './object-source.interface.js';
import { type RepositoryLike, type SelectQueryBuilderLike, TypeOrmSource } from './typeorm-source.js';

/** What `getQueryset()` may return: a TypeORM repository or query builder, an array, or any `ObjectSource`. */
export type Queryset<T> = ObjectSource<T> | RepositoryLike<T> | SelectQueryBuilderLike<T> | readonly T[];

/** Adapt what a view's `getQueryset()` returned to an `ObjectSource`, or explain what it accepts. */
export function toObjectSource<T>(queryset: Queryset<T>, owner: string): ObjectSource<T> {
  // Django's error for a view without a queryset, not a TypeError on `null`.
  if (queryset === null || queryset === undefined) throw new ImproperlyConfigured(MESSAGES.missingQueryset(owner));
  if (Array.isArray(queryset)) return new ArraySource<T>(queryset);
  const candidate = queryset as Partial<RepositoryLike<T> & SelectQueryBuilderLike<T> & ObjectSource<T>>;
  if (typeof candidate.getMany === 'function' && candidate.expressionMap) {
    return new TypeOrmSource(queryset as SelectQueryBuilderLike<T>);
  }
  if (typeof candidate.createQueryBuilder === 'function' && candidate.metadata) {
    return TypeOrmSource.fromRepository(queryset as RepositoryLike<T>);
  }
  if (typeof candidate.count === 'function' && typeof candidate.slice === 'function')
    return queryset as ObjectSource<T>;
  throw new ImproperlyConfigured(MESSAGES.querysetNotASource(owner, describe(queryset)));
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? `a ${value.constructor?.name ?? 'object'}` : `a ${typeof value}`;
}
