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
 * - Fastify: one route for the methods the view answers (its handlers, HEAD with GET, and
 *   OPTIONS). A request with another method finds no route; the not-found handler looks it
 *   up in the returned {@link ServedPaths} and hands it to the same Nest handler, so the
 *   view still answers 405 with `Allow` (or runs a handler it added at run time) after
 *   guards, interceptors and filters, as on Express.
 *
 * Uses one internal of `@nestjs/platform-fastify` (`injectRouteOptions()`, which Nest's own
 * `all()` calls); without it, Nest's `all()` registers the route.
 *
 * @param onRegistered - called for each class view route as Nest registers it.
 */
export function installRouteRegistration(
  adapter: HttpServer,
  platform: 'express' | 'fastify',
  onRegistered: (route: ClassViewRoute) => void,
): ServedPaths {
  const target = adapter as unknown as Record<PropertyKey, unknown>;
  const paths = new ServedPaths();
  // Installed once per adapter; a later app on the same adapter brings its own routes.
  const state = { paths, onRegistered };
  const installed = target[INSTALLED] as typeof state | undefined;
  if (installed) return Object.assign(installed, state).paths;
  target[INSTALLED] = state;
  const all = adapter.all.bind(adapter) as Handler;
  const fastify = adapter as unknown as FastifyAdapterLike;
  const cheap = platform === 'express' || typeof fastify.injectRouteOptions === 'function';

  target.all = (...args: unknown[]) => {
    const [path, handler] = args as [string, Handler];
    const route =
      args.length === 2 && typeof path === 'string' && typeof handler === 'function'
        ? (Reflect.getMetadata(CLASS_VIEW_ROUTE_METADATA, handler) as ClassViewRoute | undefined)
        : undefined;
    if (!route) return all(...args);
    state.onRegistered(route);
    if (!cheap) return all(...args);
    if (platform === 'express') {
      return (adapter.getInstance() as ExpressLike).route(path).all(handler);
    }
    state.paths.add(route, path, handler);
    const supported = fastify.getInstance().supportedMethods ?? [];
    const methods = route.methods.filter((method) => supported.includes(method));
    // A view with no method Fastify knows is reached through the not-found handler only.
    if (methods.length === 0) return undefined;
    return fastify.injectRouteOptions!(methods, path, handler);
  };
  return paths;
}
