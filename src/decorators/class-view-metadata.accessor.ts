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
