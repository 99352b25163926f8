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
 * `/about/`. Once Nest has registered every route, GET and HEAD of each class view route
 * ending in `/`, without the slash, get the same Nest handler, constraints and config, unless
 * a route of the app answers them already. So the request goes through the route's host and
 * version matching and its guards, and the view's route answers it with the 301 (or a 404),
 * as on Express. The path is the one Nest gave Fastify (`/api/about/` → `/api/about`), so the
 * global prefix, its exclusions, `RouterModule` paths and versions stay as Nest built them.
 */
export class FastifyAppendSlash {
  private readonly slashed: FastifyRoute[] = [];

  /**
   * Watch the app's routes at `urls` (the class view routes ending in `/`); `undefined` unless
   * the app runs on Fastify without `ignoreTrailingSlash`. Call before Nest registers routes.
   */
  static watch(adapter: HttpServer, urls: ReadonlySet<string>): FastifyAppendSlash | undefined {
    if (adapter.getType() !== 'fastify') return undefined;
    const fastify = adapter.getInstance() as FastifyRoutes;
    const config = fastify.initialConfig;
    if (config?.ignoreTrailingSlash || config?.routerOptions?.ignoreTrailingSlash) return undefined;
    return new FastifyAppendSlash(fastify, urls);
  }

  private constructor(
    private readonly fastify: FastifyRoutes,
    urls: ReadonlySet<string>,
  ) {
    fastify.addHook('onRoute', (route) => {
      if (urls.has(route.url) && Array.isArray(route.method) && route.method.includes('GET')) this.slashed.push(route);
    });
  }

  /** Add the unslashed GET and HEAD routes; call once Nest has registered every route. */
  addUnslashedRoutes(): void {
    for (const { url: slashedUrl, handler, constraints, config } of this.slashed.splice(0)) {
      const url = slashedUrl.slice(0, -1);
      if (url === '') continue;
      for (const method of ['GET', 'HEAD']) {
        if (this.fastify.hasRoute({ method, url, constraints })) continue;
        this.fastify.route({ method, url, handler, constraints, config, exposeHeadRoute: false });
      }
    }
  }
}
