import { Injectable } from '@nestjs/common';
import { NoReverseMatch } from '../exceptions/no-reverse-match.exception.js';
import { escapeLeadingSlashes, RoutePattern } from './route-pattern.js';
import { splitReverseValues } from './reverse-values.js';
import type { ReverseArgs, RouteName } from './typed-routes.js';
import { codedError } from '../utils/coded-message.js';
import { URL_MESSAGES } from './urls.messages.js';

/** Whether the pattern's parameter names are exactly the given keys. */
function takesExactly(pattern: RoutePattern, keys: readonly string[]): boolean {
  if (pattern.params.length !== keys.length) return false;
  return pattern.params.every((param) => keys.includes(param.name));
}

/** The kwargs of `pattern` from values in route order, when there is one value per parameter. */
function kwargsInRouteOrder(pattern: RoutePattern, args: readonly unknown[]): Record<string, unknown> | undefined {
  if (pattern.params.length !== args.length) return undefined;
  return Object.fromEntries(pattern.params.map((param, index) => [param.name, args[index]]));
}

/**
 * The application's named routes: builds URLs from route names and kwargs (Django's
 * `reverse()`). Inject it, or use the plain `reverse()` function, which uses the resolver
 * of the application that started last.
 *
 * @example
 * constructor(private readonly urls: UrlResolver) {}
 * this.urls.reverse('book-detail', { pk: 7 }); // '/books/7/'
 */
@Injectable()
export class UrlResolver {
  /** Patterns by name, in registration order. */
  private readonly patterns = new Map<string, RoutePattern[]>();
  /** The global prefix without surrounding slashes; `''` when there is none. */
  private prefix = '';
  /** Where Nest mounted each registered route, once it has: see {@link setMountPath}. */
  private readonly mountPaths = new WeakMap<RoutePattern, string>();

  /**
   * Register a named route; called by the library at start-up. Several patterns may share
   * a name (`reverse()` tries the last registered first); registering the same pattern
   * object under the same name again does nothing.
   */
  register(name: string, pattern: RoutePattern): void {
    const list = this.patterns.get(name);
    if (list === undefined) this.patterns.set(name, [pattern]);
    else if (!list.includes(pattern)) list.push(pattern);
  }

  /**
   * Set the application's global prefix (Nest's `setGlobalPrefix()`), which `reverse()`
   * puts before every path: `'api'` and `'/api/'` both give `'/api/books/7/'`.
   *
   * @param prefix - the prefix; `''` (the default) for none.
   */
  setPrefix(prefix: string): void {
    this.prefix = prefix.replace(/^\/+|\/+$/g, '');
  }

  /**
   * Record where Nest mounted `pattern`'s route: what comes before the route's own path
   * (`'/api/shop'` for `books/` served at `/api/shop/books/`, `''` for none). Called by the
   * library as Nest registers the route; from then on `reverse()` builds the route's URLs
   * under it instead of under the global prefix, so a `RouterModule` path and a route
   * excluded from the prefix give the URL that is really served (under URI versioning, a
   * route served for several versions keeps the one Nest registers last). A mount path
   * with parameters (`/shops/:shop`) cannot be filled: `reverse()` skips the route. `undefined`
   * keeps the global prefix.
   */
  setMountPath(pattern: RoutePattern, mountPath: string | undefined): void {
    if (mountPath === undefined) this.mountPaths.delete(pattern);
    else this.mountPaths.set(pattern, mountPath.replace(/\/+$/, ''));
  }

  /**
   * Build the URL path of the route named `name`, global prefix included (and, once the app
   * is initialised, the `RouterModule` path of the view's module). Give the route's values
   * either as one object of kwargs (`reverse('book-detail', { pk: 7 })`) or in route order
   * (`reverse('book-detail', 7)`, Django's `args`), never both, as in Django. When several
   * routes share the name, the last registered whose parameters fit (exactly the keys of the
   * kwargs, or as many as the values) and whose converters accept the values wins. A leading
   * `//` becomes `/%2F`, as in Django, so the URL never names another host.
   *
   * @param values - one object of kwargs, or one value per route parameter in route order;
   * nothing for a route without parameters.
   * Once the app registers its routes (`RegisteredRoutes`), the compiler checks the name and
   * the values' types; {@link reverseUnchecked} takes a name known only at run time.
   *
   * @throws NoReverseMatch when no route has this name, or none accepts the values.
   * @throws TypeError when values in route order and an object of kwargs are mixed.
   */
  reverse<Name extends RouteName>(name: Name, ...values: ReverseArgs<Name>): string {
    const { kwargs, args } = splitReverseValues(name, values);
    return this.reverseUnchecked(name, kwargs, args);
  }

  /**
   * `reverse()` for a name and kwargs the compiler cannot check (a template's `url()`,
   * `RedirectView.patternName`, a name built at run time); the same checks run when called.
   *
   * @param kwargs - one value per route parameter, by name. Default `{}`.
   * @param args - one value per route parameter, in route order, instead of `kwargs`. Default `[]`.
   * @throws NoReverseMatch when no route has this name, or none accepts the values.
   * @throws TypeError when both `kwargs` and `args` hold values.
   */
  reverseUnchecked(name: string, kwargs: Record<string, unknown> = {}, args: readonly unknown[] = []): string {
    const keys = Object.keys(kwargs);
    if (args.length > 0 && keys.length > 0) throw codedError(TypeError, URL_MESSAGES.mixedArgs(name));
    const list = this.patterns.get(name);
    if (list === undefined) throw new NoReverseMatch(URL_MESSAGES.unknownName(name));
    const tried = [...list].reverse();
    /** A fitting route that is served under a path with parameters, which cannot be filled. */
    let unfillable: string | undefined;
    for (const pattern of tried) {
      const filled =
        args.length > 0 ? kwargsInRouteOrder(pattern, args) : takesExactly(pattern, keys) ? kwargs : undefined;
      if (filled === undefined) continue;
      let path: string;
      try {
        path = pattern.reverse(filled, name);
      } catch (error) {
        if (error instanceof NoReverseMatch) continue;
        throw error;
      }
      const mountPath = this.mountPaths.get(pattern);
      if (mountPath !== undefined) {
        // A parameter of Nest's route syntax (Express `:id`, Fastify `:id` or `*`).
        if (/[:*]/.test(mountPath)) {
          unfillable ??= mountPath;
          continue;
        }
        return escapeLeadingSlashes(`${mountPath}${path}`);
      }
      return this.prefix === '' ? path : escapeLeadingSlashes(`/${this.prefix}${path}`);
    }
    if (unfillable !== undefined) throw new NoReverseMatch(URL_MESSAGES.mountedWithParameters(name, unfillable));
    throw RoutePattern.noReverseMatch(name, kwargs, tried, args);
  }

  /** Tell whether a route is registered under `name`. */
  has(name: string): boolean {
    return this.patterns.has(name);
  }
}

/**
 * Where Nest mounted a route, for {@link UrlResolver.setMountPath}: what comes before the
 * route's own platform path `own` in the path Nest `registered` (global prefix unless
 * excluded, `RouterModule` path), `''` for none; `undefined` when it does not end with `own`.
 */
export function mountPathOf(registered: string, own: string): string | undefined {
  if (registered.endsWith(own)) return registered.slice(0, registered.length - own.length);
  // Nest drops the trailing slash of a prefixed root route on some paths: '/api' for '/'.
  if (own === '/' && !registered.endsWith('/')) return registered;
  return undefined;
}

let activeResolver: UrlResolver | null = null;

/**
 * Make `resolver` the one the plain `reverse()` function uses: the resolver of the
 * application that started last. Called by the library; pass `null` when it closes.
 */
export function setActiveUrlResolver(resolver: UrlResolver | null): void {
  activeResolver = resolver;
}

/**
 * Build the URL path of a named route with the active application's resolver (Django's
 * `reverse()`), global prefix included: see {@link UrlResolver.reverse}.
 *
 * @param values - one object of kwargs, or one value per route parameter in route order
 * (Django's `args`), never both; nothing for a route without parameters.
 * @throws NoReverseMatch when no application has started, or the name or values fit no route.
 * @throws TypeError when values in route order and an object of kwargs are mixed.
 *
 * @example
 * reverse('book-detail', { pk: 7 }); // '/books/7/'
 * reverse('book-detail', 7);         // '/books/7/', the values in route order
 */
export function reverse<Name extends RouteName>(name: Name, ...values: ReverseArgs<Name>): string {
  if (activeResolver === null) throw new NoReverseMatch(URL_MESSAGES.noActiveResolver(name));
  return activeResolver.reverse(name, ...values);
}
