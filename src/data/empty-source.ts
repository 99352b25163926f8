import type { ObjectSource } from './object-source.interface.js';

/**
 * Django's `QuerySet.none()`: no objects, with the names of `source`, so a view that shows
 * none (a year archive without `makeObjectList`) keeps its `<model>_list` and templates.
 */
export function emptySourceOf<T>(source: ObjectSource<T>): ObjectSource<T> {
  return {
    modelName: source.modelName,
    verboseName: source.verboseName,
    ordered: true,
    count: async () => 0,
    slice: async () => [],
    exists: async () => false,
  };
}
