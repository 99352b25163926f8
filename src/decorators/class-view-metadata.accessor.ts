import { CLASS_VIEW_METADATA } from '../class-views.constants.js';
import type { ClassViewMetadata } from '../interfaces/class-view-options.interface.js';

/**
 * Read what `@ClassView()` stored on a class. Only the class's own metadata counts: a
 * subclass of a served view is not served unless it is decorated itself.
 */
export function getClassViewMetadata(target: unknown): ClassViewMetadata | undefined {
  if (typeof target !== 'function') return undefined;
  return Reflect.getOwnMetadata(CLASS_VIEW_METADATA, target);
}

/** Every class `@ClassView()` decorated in this process, in the order decorated. */
const decorated = new Set<Function>();

/** Record a class `@ClassView()` decorated, for the start-up warning about views no module lists. */
export function recordClassView(target: Function): void {
  decorated.add(target);
}

/** The classes `@ClassView()` decorated in this process so far. */
export function decoratedClassViews(): ReadonlySet<Function> {
  return decorated;
}
