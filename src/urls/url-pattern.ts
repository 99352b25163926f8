import { RoutePattern } from './route-pattern.js';
import { URL_MESSAGES } from './urls.messages.js';

/** What `View.asView()` returns: a view class bound to its attribute overrides. */
export interface ViewRoute {
  /** The view class to instantiate per request. */
  readonly viewClass: Function;
  /** The attribute overrides given to `asView()`. */
  readonly initkwargs: Readonly<Record<string, unknown>>;
}

/** Options of `path()`. */
export interface UrlPatternOptions {
  /** Name for reverse(). Default: none (the route cannot be reversed). */
  name?: string;
}

/**
 * A route mapped to a view, as `path()` makes it: Django's `URLPattern`.
 */
export class UrlPattern {
  /** The parsed route. */
  readonly pattern: RoutePattern;
  /** The view made by `View.asView()` that serves the route. */
  readonly view: ViewRoute;
  /** The name `reverse()` finds the route by, if any. */
  readonly name?: string;

  /** Create a URL pattern; prefer `path()`, which parses and checks its arguments. */
  constructor(pattern: RoutePattern, view: ViewRoute, name?: string) {
    this.pattern = pattern;
    this.view = view;
    if (name !== undefined) this.name = name;
  }

  /** Return the route, for messages and debugging. */
  toString(): string {
    return this.pattern.route;
  }
}

/** Describe what was passed instead of a view route, for the error message. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') {
    const name = value.name || '(anonymous)';
    return /^class[\s{]/.test(Function.prototype.toString.call(value)) ? `the class ${name}` : `the function ${name}`;
  }
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') {
    const ctor = (value as object).constructor;
    return ctor && ctor !== Object && typeof ctor.name === 'string' && ctor.name !== ''
      ? `an instance of ${ctor.name}`
      : 'an object without viewClass';
  }
  return `${typeof value} ${String(value)}`;
}

/**
 * Map a route to a view made by `View.asView()` (Django's `path()`). The route is parsed
 * at once, so a bad route fails at start-up.
 *
 * @param route - a Django path route, e.g. `'books/<int:pk>/'`; `''` is the root.
 * @param view - what `SomeView.asView()` returned.
 * @param options - `name` (default none): the name `reverse()` finds the route by.
 * @throws ImproperlyConfigured when the route is invalid (see `RoutePattern.parse()`).
 * @throws TypeError when `view` was not made by `View.asView()`, or `name` is not a non-empty string.
 *
 * @example
 * path('books/<int:pk>/', BookDetailView.asView(), { name: 'book-detail' });
 */
export function path(route: string, view: ViewRoute, options: UrlPatternOptions = {}): UrlPattern {
  const pattern = RoutePattern.parse(route);
  if (view === null || typeof view !== 'object' || typeof (view as Partial<ViewRoute>).viewClass !== 'function') {
    throw new TypeError(URL_MESSAGES.notAView(describe(view)));
  }
  const name = options?.name;
  if (name !== undefined && (typeof name !== 'string' || name === '')) {
    throw new TypeError(URL_MESSAGES.badPatternName(name === '' ? 'an empty string' : describe(name)));
  }
  return new UrlPattern(pattern, view, name);
}
