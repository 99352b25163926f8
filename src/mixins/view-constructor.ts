import type { View } from '../views/view.js';

/** Any class whose instances are views: what mixins take and extend. */
export type ViewConstructor<T extends View = View> = abstract new (...args: any[]) => T;
