import { RoutePattern } from './route-pattern.js';
import { URL_MESSAGES } from './urls.messages.js';
import { codedError } from '../utils/coded-message.js';

/** What `View.asView()` returns: a view class bound to its attribute overrides. */
export interface ViewRoute {
  /** The view class to instantiate per request. */
  readonly viewClass: Function;
  /** The attribute overrides given to `asView()`. */
  readonly initkwargs: Readonly<Record<string, unknown>>;
}

/** Options of `path()`. */
export interface UrlPatternOptions<Name extends string = string> {
  /** Name for reverse(). Default: none (the route cannot be reversed). */
  name?: Name;
}

/**
 * A route mapped to a view, as `path()` makes it: Django's `URLPattern`. Its type keeps the
 * route and the name as written, for typed `reverse()` (see `RoutesOf`).
 */
export class UrlPattern<Route extends string = string, Name extends string = string> {
  /** The parsed route. */
  readonly pattern: RoutePattern;
  /** The view made by `View.asView()` that serves the route. */
  readonly view: ViewRoute;
  /** The name `reverse()` finds the route by, if any. */
  readonly name?: Name;

  /** Create a URL pattern; prefer `path()`, which parses and checks its arguments. */
  constructor(pattern: RoutePattern, view: ViewRoute, name?: Name) {
    this.pattern = pattern;
    this.view = view;
    if (name !== undefined) this.name = name;
  }

  /** The route as written, e.g. `'books/<int:pk>/'`. */
  get route(): Route {
    return this.pattern.route as Route;
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
export function path<Route extends string, Name extends string = never>(
  route: Route,
  view: ViewRoute,
  options: UrlPatternOptions<Name> = {},
): UrlPattern<Route, Name> {
  const pattern = RoutePattern.parse(route);
  if (view === null || typeof view !== 'object' || typeof (view as Partial<ViewRoute>).viewClass !== 'function') {
    throw codedError(TypeError, URL_MESSAGES.notAView(describe(view)));
  }
  const name = options?.name;
  if (name !== undefined && (typeof name !== 'string' || name === '')) {
    throw codedError(TypeError, URL_MESSAGES.badPatternName(name === '' ? 'an empty string' : describe(name)));
  }
  return new UrlPattern<Route, Name>(pattern, view, name as Name | undefined);
}
