import type { HttpServer } from '@nestjs/common';

/** A route as Fastify's `onRoute` hook and `route()` see it (public Fastify API). */
interface FastifyRoute {
  method: string | string[];
  url: string;
  handler: (...args: any[]) => unknown;
  constraints?: Record<string, unknown>;
  config?: unknown;
  exposeHeadRoute?: boolean;
}

/** The part of a Fastify instance used here, all of it public. */
interface FastifyRoutes {
  initialConfig?: { ignoreTrailingSlash?: boolean; routerOptions?: { ignoreTrailingSlash?: boolean } };
  addHook(name: 'onRoute', hook: (route: FastifyRoute) => void): unknown;
  hasRoute(route: { method: string; url: string; constraints?: Record<string, unknown> }): boolean;
  route(route: FastifyRoute): unknown;
}

/**
 * Django's APPEND_SLASH on Fastify, whose router (unlike Express's) tells `/about` from
 * `/about/`. Call before Nest registers routes, with the full paths of the class view routes
 * ending in `/`; call what it returns once Nest has registered every route: it gives GET and
 * HEAD of each such path without its slash the same Nest handler, constraints and config,
 * unless a route of the app answers them already. So the request goes through the route's
 * host and version matching and its guards, and the view answers it with the 301 (or a 404),
 * as on Express. The path is the one Nest gave Fastify (`/api/about/` → `/api/about`), so the
 * global prefix, its exclusions, `RouterModule` paths and versions stay as Nest built them.
 * Returns `undefined` unless the app runs on Fastify without `ignoreTrailingSlash`.
 */
export function fastifyAppendSlash(adapter: HttpServer, urls: ReadonlySet<string>): (() => void) | undefined {
  if (adapter.getType() !== 'fastify') return undefined;
  const fastify = adapter.getInstance() as FastifyRoutes;
  const options = fastify.initialConfig;
  if (options?.ignoreTrailingSlash || options?.routerOptions?.ignoreTrailingSlash) return undefined;
  const slashed: FastifyRoute[] = [];
  fastify.addHook('onRoute', (route) => {
    if (urls.has(route.url) && Array.isArray(route.method) && route.method.includes('GET')) slashed.push(route);
  });
  return () => {
    for (const { url: slashedUrl, handler, constraints, config } of slashed.splice(0)) {
      const url = slashedUrl.slice(0, -1);
      if (url === '') continue;
      for (const method of ['GET', 'HEAD']) {
        if (fastify.hasRoute({ method, url, constraints })) continue;
        fastify.route({ method, url, handler, constraints, config, exposeHeadRoute: false });
      }
    }
  };
}
