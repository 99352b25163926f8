import type { HttpServer } from '@nestjs/common';
import { CLASS_VIEW_ROUTE_METADATA } from '../class-views.constants.js';
import type { ClassViewRoute } from './class-view-route.js';
import { ServedPaths } from './served-paths.js';

type Handler = (...args: unknown[]) => unknown;

interface ExpressLike {
  route(path: string): { all(handler: Handler): unknown };
}

interface FastifyAdapterLike {
  injectRouteOptions?(methods: string[], path: string, handler: Handler): unknown;
  getInstance(): { supportedMethods?: readonly string[] };
}

const INSTALLED = Symbol('nestjs-class-views:route-registration');

/** What `installRouteRegistration()` keeps per adapter. */
export interface RouteRegistration {
  /** The class view routes as registered on Fastify, for its not-found handler. */
  readonly paths: ServedPaths;
  /**
   * Fastify: the methods every class view route is registered for, the union of what the
   * app's views answer (set once the views are known, before Nest registers routes).
   */
  methods: readonly string[];
  /** Called with each class view route and the full path Nest registers it at. */
  onRegistered: (route: ClassViewRoute, path: string) => void;
}

/**
 * How a class view's `ALL` route reaches the platform router. Nest registers it through
 * the adapter's `all()`, which costs one router entry per HTTP method on both platforms
 * (Express 5's `app.all()` adds a layer per method, Fastify inserts every method it
 * supports): with 1,000 views that tripled start-up. The adapter's `all()` is wrapped so
 * that the handlers Nest built for class views (recognised by the metadata Nest copies
 * onto them from the library's handler) are registered more cheaply; every other `all()`
 * call goes through unchanged.
 *
 * - Express: one route with one layer that answers every method (`app.route(path).all()`),
 *   exactly what `app.all()` answers, as Node only parses the methods Express lists.
 * - Fastify: every class view route is registered for the same methods, those any of the
 *   app's views answer (their handlers, HEAD with GET, OPTIONS), so Fastify picks the
 *   route for a path the same way whatever the method. A request with another method
 *   (TRACE, PROPFIND) finds no route; the not-found handler looks its path up in
 *   {@link ServedPaths} and hands it to the same Nest handler, so the view still answers
 *   405 with `Allow` after guards, interceptors and filters, as on Express.
 *
 * Uses one internal of `@nestjs/platform-fastify` (`injectRouteOptions()`, which Nest's own
 * `all()` calls); without it, Nest's `all()` registers the route.
 *
 * @param onRegistered - called for each class view route as Nest registers it, with the full
 *   path Nest built for it (global prefix, `RouterModule` path and all).
 */
export function installRouteRegistration(
  adapter: HttpServer,
  platform: 'express' | 'fastify',
  onRegistered: (route: ClassViewRoute, path: string) => void,
): RouteRegistration {
  const target = adapter as unknown as Record<PropertyKey, unknown>;
  const fresh: RouteRegistration = { paths: new ServedPaths(), methods: [], onRegistered };
  // Installed once per adapter; a later app on the same adapter brings its own routes.
  const installed = target[INSTALLED] as RouteRegistration | undefined;
  if (installed) return Object.assign(installed, fresh);
  const state = fresh;
  target[INSTALLED] = state;
  const all = adapter.all.bind(adapter) as Handler;
  const fastify = adapter as unknown as FastifyAdapterLike;
  const cheap = platform === 'express' || typeof fastify.injectRouteOptions === 'function';

  target.all = (...args: unknown[]) => {
    const [path, handler] = args as [string, Handler & { version?: unknown }];
    const route =
      args.length === 2 && typeof path === 'string' && typeof handler === 'function'
        ? (Reflect.getMetadata(CLASS_VIEW_ROUTE_METADATA, handler) as ClassViewRoute | undefined)
        : undefined;
    if (!route) return all(...args);
    state.onRegistered(route, path);
    if (!cheap) return all(...args);
    if (platform === 'express') {
      return (adapter.getInstance() as ExpressLike).route(path).all(handler);
    }
    // A route versioned by header or media type is matched by Fastify's constraints, which
    // the not-found handler cannot check: it keeps Nest's 404 for other methods.
    if (handler.version === undefined) state.paths.add(route, path, handler);
    const supported = fastify.getInstance().supportedMethods ?? [];
    const methods = state.methods.filter((method) => supported.includes(method));
    if (methods.length === 0) return undefined;
    return fastify.injectRouteOptions!(methods, path, handler);
  };
  return state;
}
