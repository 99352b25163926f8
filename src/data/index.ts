export type { ObjectSource, DateRange, DateKind } from './object-source.interface.js';
export { emptySourceOf } from './empty-source.js';
export { ArraySource, type ArraySourceOptions } from './array-source.js';
export { TypeOrmSource, type RepositoryLike, type SelectQueryBuilderLike } from './typeorm-source.js';
export { toObjectSource, type Queryset } from './to-object-source.js';
export {
  constraintViolation,
  type ConstraintViolation,
  isDatabaseUnavailable,
  rethrowDatabaseError,
} from './database-errors.js';
