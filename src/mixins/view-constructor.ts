import type { View } from '../views/view.js';

/** Any class whose instances are views: what mixins take and extend. */
export type ViewConstructor<T extends View = View> = abstract new (...args: any[]) => T;

/**
 * The static side of `View` (`asView()` and the rest). A mixin whose parameter asks for it
 * keeps a nested mixin's statics: without it, TypeScript infers the inner mixin's base from
 * the outer one's constraint, which has none (`YearMixin(MonthMixin(BaseDateListView)).asView`).
 */
export type ViewStatics = Omit<typeof View, 'prototype'>;
