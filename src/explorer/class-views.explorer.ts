import { type HttpServer, Inject, Injectable, type OnModuleInit, Scope } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost, ModuleRef, ModulesContainer } from '@nestjs/core';
import { HTTP_METHOD_NAMES } from '../class-views.constants.js';
import { MESSAGES } from '../class-views.messages.js';
import { CLASS_VIEWS_MODULE_OPTIONS, CLASS_VIEWS_URLPATTERNS } from '../class-views.module-definition.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { installResponseWriter } from '../http/response-writer.js';
import type { ClassViewOptions } from '../interfaces/class-view-options.interface.js';
import type { ClassViewsModuleOptions } from '../interfaces/class-views-module-options.interface.js';
import { RoutePattern } from '../urls/route-pattern.js';
import { setActiveUrlResolver, UrlResolver } from '../urls/url-resolver.js';
import type { UrlPattern } from '../urls/url-pattern.js';
import { TemplateEngines } from '../templates/template-engines.js';
import { CsrfProtection } from '../csrf/csrf-protection.js';
import { VIEW_CONTEXT, type ViewContext } from '../views/view-context.js';
import { View, type Kwargs, type ViewClass } from '../views/view.js';
import { getClassViewMetadata } from './class-view-metadata.accessor.js';
import { ClassViewRoute } from './class-view-route.js';
import { createDocsController } from './docs-controller.js';
import { addController, fullPaths, type InstanceWrapper, type Module, removeController, requestScopedDependency } from './nest-internals.js';
import { createRouteController, routeTo } from './route-controller.js';
import { FastifyAppendSlash, type FastifyRoutes } from './fastify-append-slash.js';

/** A controller class and its one instance. */
interface ControllerEntry {
  readonly controller: Function;
  readonly instance: object;
}

/** One route to serve: a view class, where it came from, and the provider that backs it. */
interface ServedView {
  readonly viewClass: ViewClass;
  readonly pattern: RoutePattern;
  readonly name?: string;
  readonly initkwargs: Readonly<Kwargs>;
  readonly provider: InstanceWrapper;
  readonly host: Module;
  /** The controller Nest routes (see `route-controller`). */
  readonly routing: ControllerEntry;
  /** The controller `@nestjs/swagger` documents (see `docs-controller`). */
  readonly docs: ControllerEntry;
}

/**
 * Finds the views to serve and makes each one a genuine Nest route.
 *
 * Each view stays an ordinary provider of the module that lists it, so its dependencies
 * resolve there and it is instantiated like any provider. Each of its routes gets two
 * controllers in that same module, one role each:
 * - a routing controller (`route-controller`): one `@All()` handler that Nest's own router
 *   registers, with the view's class-level guards, interceptors, pipes and filters, the
 *   global prefix, `RouterModule` paths and versioning. It hands each request to the route
 *   (`ClassViewRoute`), which makes a fresh view object whose prototype is the provider plus
 *   the route's `asView()` overrides, then `setup()` and `dispatch()`;
 * - a documentation controller (`docs-controller`) for `@nestjs/swagger`, which lists the
 *   handlers the view really has. It must be in the module when Swagger reads it, before or
 *   after `init()`, but must not be routed: it leaves the module while Nest registers routes
 *   (from `configure()` to `onModuleInit()`).
 *
 * One request, platform to view: the platform's router → Nest's handler for the routing
 * controller (guards, interceptors, pipes) → `classViewRoute()` → `ClassViewRoute.handle()`
 * → `View.setup()`, `View.dispatch()`; the `HttpResponse` goes back through the interceptors
 * and is written by `response-writer`.
 *
 * Views are found in the constructor (instance loading, so that route names exist for the
 * whole app and Swagger sees the documentation) and routed in `configure()`, which runs for
 * each app before Nest registers routes, once the HTTP adapter (and so the platform's route
 * syntax) is known.
 */
@Injectable()
export class ClassViewsExplorer implements OnModuleInit {
  private readonly served: ServedView[];
  /** How many routes each view class has so far, while the views are found. */
  private readonly routeCounts = new Map<Function, number>();

  constructor(
    private readonly modules: ModulesContainer,
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: ApplicationConfig,
    private readonly resolver: UrlResolver,
    private readonly templates: TemplateEngines,
    private readonly moduleRef: ModuleRef,
    private readonly csrf: CsrfProtection,
    @Inject(CLASS_VIEWS_MODULE_OPTIONS) private readonly options: ClassViewsModuleOptions,
    @Inject(CLASS_VIEWS_URLPATTERNS) urlpatterns: readonly UrlPattern[],
  ) {
    this.served = [...this.discoverDecorated(), ...this.collectUrlpatterns(urlpatterns)];
    this.routeCounts.clear();
    this.checkRoutes();
    for (const view of this.served) if (view.name) this.resolver.register(view.name, view.pattern);
    // Routes without captures first: Express tries a module's routes in order and a capture
    // whose converter refuses the value (`books/<int:pk>/` for `/books/new/`) answers 404
    // rather than passing the request on; Fastify's router prefers static text anyway.
    for (const view of [...this.served].sort((a, b) => Number(!a.pattern.isStatic) - Number(!b.pattern.isStatic))) {
      addController(view.host, view.routing.controller as never, view.routing.instance);
      addController(view.host, view.docs.controller as never, view.docs.instance);
    }
  }

  /** The APPEND_SLASH routes of the Fastify app being initialised, if any. */
  private appendSlash?: FastifyAppendSlash;

  /** Nest has registered the routes: the documentation is back for Swagger. */
  onModuleInit(): void {
    for (const { host, docs } of this.served) addController(host, docs.controller as never, docs.instance);
    this.appendSlash?.addUnslashedRoutes();
    this.appendSlash = undefined;
  }

  /**
   * Route every served view on the app being initialised; called from `configure()`, so once
   * per app, just before Nest registers routes.
   */
  registerRoutes(): void {
    const adapter = this.adapterHost.httpAdapter;
    installResponseWriter(adapter, this.templates);
    this.resolver.setPrefix(this.config.getGlobalPrefix());
    setActiveUrlResolver(this.resolver);
    const platform = adapter.getType() === 'fastify' ? 'fastify' : 'express';
    const context: ViewContext = {
      urls: this.resolver,
      templates: this.templates,
      csrf: this.csrf,
      resolveModel: (model) => this.resolveModel(model),
    };
    const slashedUrls = new Set<string>();
    for (const view of this.served) {
      removeController(view.host, view.docs.controller as never);
      for (const url of this.route(view, platform, context)) if (url.endsWith('/')) slashedUrls.add(url);
    }
    // Express's router ignores a trailing slash; Fastify's needs the unslashed routes.
    if (platform === 'fastify' && (this.options.appendSlash ?? true) && !ignoresTrailingSlash(adapter)) {
      this.appendSlash = new FastifyAppendSlash(adapter.getInstance<FastifyRoutes>(), slashedUrls);
    }
  }

  /**
   * `@nestjs/typeorm` registers `TypeOrmModule.forFeature([Book])` under `BookRepository`
   * (the data layer keeps what it finds, once per app: see `resolveModel()` there).
   */
  private resolveModel(model: Function): unknown {
    try {
      return this.moduleRef.get(`${model.name}Repository`, { strict: false });
    } catch {
      throw new ImproperlyConfigured(MESSAGES.modelNotProvided(model.name));
    }
  }

  private *discoverDecorated(): Iterable<ServedView> {
    const seen = new Set<Function>();
    for (const host of this.modules.values()) {
      for (const provider of host.providers.values()) {
        // The token, not the metatype: `overrideProvider(SomeView).useValue()` keeps the route.
        const viewClass = provider.token as ViewClass;
        const metadata = getClassViewMetadata(viewClass);
        if (!metadata || seen.has(viewClass!)) continue;
        seen.add(viewClass!);
        const pattern = this.parseRoute(metadata.route, viewClass!.name);
        yield this.describe(viewClass!, pattern, metadata.name, {}, provider, host, metadata.host);
      }
    }
  }

  private *collectUrlpatterns(urlpatterns: readonly UrlPattern[]): Iterable<ServedView> {
    if (urlpatterns.length === 0) return;
    const host = [...this.modules.values()].find((module) => module.providers.has(CLASS_VIEWS_URLPATTERNS))!;
    for (const { pattern, view, name } of urlpatterns) {
      const provider = host.providers.get(view.viewClass as ViewClass) as InstanceWrapper;
      yield this.describe(view.viewClass as ViewClass, pattern, name, view.initkwargs, provider, host);
    }
  }

  private describe(
    viewClass: ViewClass,
    pattern: RoutePattern,
    name: string | undefined,
    initkwargs: Readonly<Kwargs>,
    provider: InstanceWrapper,
    host: Module,
    hostname?: ClassViewOptions['host'],
  ): ServedView {
    if (!(viewClass.prototype instanceof View)) throw new ImproperlyConfigured(MESSAGES.notAView(viewClass.name));
    if (provider.scope === Scope.REQUEST || provider.scope === Scope.TRANSIENT) {
      throw new ImproperlyConfigured(MESSAGES.requestScoped(viewClass.name));
    }
    View.checkHandlers.call(viewClass);
    const alias = this.routeCounts.get(viewClass) ?? 0;
    this.routeCounts.set(viewClass, alias + 1);
    const routing = createRouteController(viewClass, hostname);
    const docs = createDocsController(viewClass, pattern, alias);
    return { viewClass, pattern, name, initkwargs, provider, host, routing, docs };
  }

  private parseRoute(route: string, owner: string): RoutePattern {
    try {
      return RoutePattern.parse(route);
    } catch (error) {
      if (error instanceof ImproperlyConfigured) throw new ImproperlyConfigured(`${owner}: ${error.message}`);
      throw error;
    }
  }

  /**
   * Refuse two views on one path (Fastify would crash on it, Express would hide one), also
   * for different hosts: Nest matches hosts in its handler, after Fastify's router, which
   * takes one route per path.
   */
  private checkRoutes(): void {
    const byPath = new Map<string, ServedView>();
    for (const view of this.served) {
      const key = view.pattern.route.replace(/\/$/, '');
      const other = byPath.get(key);
      if (other) throw new ImproperlyConfigured(MESSAGES.sameRoute(view.pattern.route, other.viewClass.name, view.viewClass.name));
      byPath.set(key, view);
    }
  }

  /**
   * Check `view` against its provider, and route its controller for this app; return the
   * full paths Nest will register it at.
   */
  private route(view: ServedView, platform: 'express' | 'fastify', context: ViewContext): string[] {
    const scoped = requestScopedDependency(view.provider, view.host, view.viewClass, this.config);
    if (scoped) throw new ImproperlyConfigured(MESSAGES.requestScopedDependency(view.viewClass.name, scoped));
    const instance = view.provider.instance as View;
    if (!(instance instanceof View)) throw new ImproperlyConfigured(MESSAGES.notAView(view.viewClass.name));
    const initkwargs = view.initkwargs;
    for (const key in initkwargs) {
      if (!(key in instance)) throw new TypeError(MESSAGES.asViewUnknownKey(view.viewClass.name, key));
    }
    // describe() checked the default names; a view, or its route, may list others.
    const names = ('httpMethodNames' in initkwargs ? initkwargs.httpMethodNames : instance.httpMethodNames) as readonly string[];
    if (names !== HTTP_METHOD_NAMES) View.checkHandlers.call(view.viewClass, names);

    // The route's view: its overrides over the provider, and this app's context (not on the
    // provider itself, which a test may share between apps, or freeze). Each request gets
    // an object whose prototype it is.
    const routeView = Object.assign(Object.create(instance), initkwargs) as View;
    Object.defineProperty(routeView, VIEW_CONTEXT, { value: context });
    routeView.checkConfiguration();
    const route = new ClassViewRoute(view.pattern, view.viewClass.name, this.options.appendSlash ?? true);
    const own = view.pattern.toPlatformPath(platform);
    // Nest strips one trailing slash from every route: a route ending in `/` is given with two.
    const path = own.endsWith('/') ? `${own}/` : own;
    const registered = fullPaths({ config: this.config, modules: this.modules }, view.host, view.routing.controller, path);
    this.resolver.setMountPath(view.pattern, mountPath(registered[registered.length - 1]!, view.pattern, platform));
    routeTo(view.routing.controller, [path], (request, body) => route.handle(routeView, request, body));
    return registered;
  }
}

/**
 * Where Nest mounted a route: the part of the path it registered that comes before the
 * route's own path (global prefix unless excluded, `RouterModule` path), `''` for none;
 * `undefined` when the registered path does not end with the route's own.
 */
function mountPath(registered: string, pattern: RoutePattern, platform: 'express' | 'fastify'): string | undefined {
  const own = pattern.toPlatformPath(platform);
  if (registered.endsWith(own)) return registered.slice(0, registered.length - own.length);
  // Nest drops the trailing slash of a prefixed root route on some paths: '/api' for '/'.
  if (own === '/' && !registered.endsWith('/')) return registered;
  return undefined;
}

/** Whether a Fastify instance was made with `ignoreTrailingSlash` (public `initialConfig`). */
function ignoresTrailingSlash(adapter: HttpServer): boolean {
  const instance = adapter.getInstance?.() as
    | { initialConfig?: { ignoreTrailingSlash?: boolean; routerOptions?: { ignoreTrailingSlash?: boolean } } }
    | undefined;
  const config = instance?.initialConfig;
  return !!(config?.ignoreTrailingSlash || config?.routerOptions?.ignoreTrailingSlash);
}
