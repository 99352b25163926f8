import { Injectable, SetMetadata } from '@nestjs/common';
import { INJECTABLE_WATERMARK } from '../explorer/nest-internals.js';
import { CLASS_VIEW_METADATA } from '../class-views.constants.js';
import { recordClassView } from './class-view-metadata.accessor.js';
import type { ClassViewMetadata, ClassViewOptions } from '../interfaces/class-view-options.interface.js';

/**
 * Serve this provider as a class view at `route` (Django's `path()` syntax). The class
 * must extend `View` and be listed in the `providers` of a module; its dependencies are
 * injected from that module. `ClassViewsModule.forRoot()` finds it and routes it, and at
 * start-up logs a warning naming each decorated class that no module of the application
 * lists (once per class and process, and not for a class an earlier application served).
 *
 * @param route Django path syntax: `'about/'`, `'books/<int:pk>/'`, `''` for the root.
 * @param options `name` for `reverse()`.
 *
 * @example
 * @ClassView('books/<int:pk>/', { name: 'book-detail' })
 * export class BookDetailView extends View {
 *   get() { return new HttpResponse(`Book ${this.kwargs.pk}`); }
 * }
 */
export function ClassView(route: string, options: ClassViewOptions = {}): ClassDecorator {
  const metadata: ClassViewMetadata = { ...options, route };
  return (target) => {
    SetMetadata(CLASS_VIEW_METADATA, metadata)(target);
    recordClassView(target);
    // Keep the options of an @Injectable() already applied (its scope, say).
    if (!Reflect.hasOwnMetadata(INJECTABLE_WATERMARK, target)) Injectable()(target);
  };
}
