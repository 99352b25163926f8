import type { ClassViewRoute } from './class-view-route.js';

/** A class view route as the platform router holds it, and the Nest handler behind it. */
export interface ServedPath {
  readonly route: ClassViewRoute;
  /** What Nest put before the route: global prefix, version, module path (`'/api'`). */
  readonly prefix: string;
  readonly handler: (...args: unknown[]) => unknown;
}

/** A served path that matched a request path, with the raw captures the route converts. */
export interface ServedPathMatch {
  readonly served: ServedPath;
  readonly params: Record<string, string>;
}

/**
 * The class view routes of one app, to find the one a request path belongs to when the
 * platform router did not (Fastify: a method the route was not registered for, or the
 * path without its trailing slash). Static routes are found by one map lookup; routes with
 * parameters are tried in registration order, those with a `path` converter last.
 */
export class ServedPaths {
  private readonly statics = new Map<string, ServedPath>();
  private readonly dynamics: ServedPath[] = [];
  /** Routes with a `path` converter: tried last, as Fastify prefers parameters to wildcards. */
  private readonly wildcards: ServedPath[] = [];

  /**
   * Record `route`, registered by Nest as `registeredPath` (the route's platform path
   * after whatever Nest put before it), served by the Nest `handler`.
   */
  add(route: ClassViewRoute, registeredPath: string, handler: ServedPath['handler']): void {
    const own = route.pattern.toPlatformPath('fastify');
    if (!registeredPath.endsWith(own)) return;
    const served: ServedPath = { route, prefix: registeredPath.slice(0, registeredPath.length - own.length), handler };
    if (route.pattern.isStatic) {
      const key = `${served.prefix}/${route.pattern.route}`;
      if (!this.statics.has(key)) this.statics.set(key, served);
    } else if (route.pattern.params.some((param) => param.converter === 'path')) {
      this.wildcards.push(served);
    } else {
      this.dynamics.push(served);
    }
  }

  /** The route serving `path` (decoded, leading slash included), or `null`. */
  find(path: string): ServedPathMatch | null {
    const exact = this.statics.get(path);
    if (exact) return { served: exact, params: {} };
    return this.search(this.dynamics, path) ?? this.search(this.wildcards, path);
  }

  private search(routes: readonly ServedPath[], path: string): ServedPathMatch | null {
    for (const served of routes) {
      if (!path.startsWith(served.prefix) || path.charCodeAt(served.prefix.length) !== 47 /* '/' */) continue;
      const params = served.route.pattern.capture(path.slice(served.prefix.length + 1));
      if (params) return { served, params };
    }
    return null;
  }
}
