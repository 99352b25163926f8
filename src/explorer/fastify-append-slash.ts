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
export interface FastifyRoutes {
  addHook(name: 'onRoute', hook: (route: FastifyRoute) => void): unknown;
  hasRoute(route: { method: string; url: string; constraints?: Record<string, unknown> }): boolean;
  route(route: FastifyRoute): unknown;
}

/**
 * Django's APPEND_SLASH on Fastify, whose router (unlike Express's) tells `/about` from
 * `/about/`. Nest registers each class view route ending in `/`; once every route of the app
 * is registered, {@link addUnslashedRoutes} gives GET and HEAD of the same path without its
 * slash the same Nest handler, constraints and config, where no route of the app answers
 * them already. So the request goes through the route's host and version matching and its
 * guards, and the view's route answers it with the 301 (or a 404), as on Express.
 *
 * Taking the path Fastify was given (`/api/about/` → `/api/about`) keeps the global prefix,
 * its exclusions, `RouterModule` paths and versions exactly as Nest built them.
 */
export class FastifyAppendSlash {
  private readonly slashed: FastifyRoute[] = [];

  /** Watch `fastify` for the routes registered at `urls` (the class view routes ending in `/`). */
  constructor(
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
