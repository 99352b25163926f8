import { All, Body, HttpServer, Inject, Injectable, type OnModuleInit, Req, Scope } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost, ModuleRef, ModulesContainer } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper.js';
import type { Module } from '@nestjs/core/injector/module.js';
import { CLASS_VIEW_ROUTE_HANDLER, CLASS_VIEW_ROUTE_METADATA, HTTP_METHOD_NAMES } from '../class-views.constants.js';
import { MESSAGES } from '../class-views.messages.js';
import { CLASS_VIEWS_MODULE_OPTIONS, CLASS_VIEWS_URLPATTERNS } from '../class-views.module-definition.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { installResponseWriter, responseWriterFor } from '../http/response-writer.js';
import type { ClassViewsModuleOptions } from '../interfaces/class-views-module-options.interface.js';
import { RoutePattern } from '../urls/route-pattern.js';
import { setActiveUrlResolver, UrlResolver } from '../urls/url-resolver.js';
import type { UrlPattern } from '../urls/url-pattern.js';
import { TemplateEngines } from '../templates/template-engines.js';
import { CsrfProtection } from '../csrf/csrf-protection.js';
import { VIEW_CONTEXT, type ViewContext } from '../views/view-context.js';
import { BaseDetailView, DetailView } from '../views/detail.view.js';
import { BaseListView, ListView } from '../views/list.view.js';
import { View, type Kwargs, type ViewClass } from '../views/view.js';
import { getClassViewMetadata } from './class-view-metadata.accessor.js';
import { ClassViewController } from './class-view-controller.js';
import { ClassViewRoute } from './class-view-route.js';
import { installNotFoundFallback } from './fastify-not-found.js';
import { installRouteRegistration } from './route-registration.js';

/** One route to serve: a view class, where it came from, and the provider that backs it. */
interface ServedView {
  readonly viewClass: ViewClass;
  readonly pattern: RoutePattern;
  readonly name?: string;
  readonly initkwargs: Readonly<Kwargs>;
  readonly provider: InstanceWrapper;
  readonly host: Module;
  /** Its controller entry: routing while Nest registers routes, documentation after. */
  readonly controller: ClassViewController;
}

/**
 * Finds the views to serve and makes each one a genuine Nest route.
 *
 * Design (see `nest-integration` notes): each view stays an ordinary provider of the
 * module that lists it, so its dependencies resolve there and it is instantiated like
 * any provider. Each route also has a controller entry in that same module
 * (`ClassViewController`). While Nest registers routes, it is the routing controller: one
 * `@All()` handler, on an object whose constructor is the view class (class-level guards,
 * interceptors, pipes and filters are read there, and `getClass()` gives it). The handler
 * serves a fresh object whose prototype is the provider plus the route's `asView()`
 * overrides. Nest's own router registers it, so global and class-level enhancers, the
 * global prefix and route logging all apply, and Nest's 404 still answers unknown paths.
 * One `ALL` route per path keeps Django's single `dispatch()` for every method, TRACE
 * included; `route-registration` gives it to the platform at about the cost of a `@Get()`
 * route. Once registered, the entry goes back to documenting the route.
 *
 * Views are found in the constructor (instance loading, so that route names exist for
 * the whole app) and routed in `configure()`, which runs before Nest registers routes
 * but after the HTTP adapter is known, as the route syntax differs per platform.
 *
 * Swagger: outside that window, the entry is a documentation-only controller listing the
 * handlers the view really has, built when Swagger first reads it. The entries are in the
 * module from instance loading on, so `SwaggerModule.createDocument()` sees them before or
 * after `init()`; Nest never routes the documentation.
 */
@Injectable()
export class ClassViewsExplorer implements OnModuleInit {
  private readonly served: ServedView[];
  /** The routes Nest has not registered yet. */
  private readonly pending = new Set<ClassViewRoute>();
  /**
   * The adapters the views are routed on: one, unless a testing module makes several apps
   * (each app's `configure()` routes them on its own adapter).
   */
  private readonly routedOn = new WeakSet<object>();
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
    for (const view of this.served) {
      if (view.name) this.resolver.register(view.name, view.pattern);
      view.host.controllers.set(view.controller.wrapper.token, view.controller.wrapper);
    }
  }

  /** Routes are registered by now. */
  onModuleInit(): void {
    this.routesRegistered();
  }

  /**
   * Nest has registered every class view route: the controller entries go back to
   * documenting, or Swagger would list their `ALL` route and explorers that go through
   * `DiscoveryService` would meet each view twice. (Runs from the last registration;
   * `onModuleInit()` is the fallback.)
   */
  private routesRegistered(): void {
    this.pending.clear();
    for (const { controller } of this.served) controller.document();
  }

  /** Make each served view's controller entry route it; called from `configure()`, once per adapter. */
  registerRoutes(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (this.routedOn.has(adapter)) return;
    this.routedOn.add(adapter);
    installResponseWriter(adapter, this.templates);
    const prefix = this.config.getGlobalPrefix().replace(/^\/+|\/+$/g, '');
    this.resolver.setPrefix(prefix);
    setActiveUrlResolver(this.resolver);
    const platform = adapter.getType() === 'fastify' ? 'fastify' : 'express';
    const registration = installRouteRegistration(adapter, platform, (route, path) => {
      this.resolver.setMountPath(route.pattern, mountPath(path, route.pattern, platform));
      if (this.pending.delete(route) && this.pending.size === 0) this.routesRegistered();
    });
    if (platform === 'fastify') {
      const appendSlash = (this.options.appendSlash ?? true) && !ignoresTrailingSlash(adapter);
      installNotFoundFallback(adapter, registration, appendSlash, responseWriterFor(adapter));
    }
    const context: ViewContext = {
      urls: this.resolver,
      templates: this.templates,
      csrf: this.csrf,
      resolveModel: (model) => this.resolveModel(model),
    };
    // Fastify registers each route for the methods the app's views answer (see route-registration).
    const methods = platform === 'fastify' ? new Set<string>() : undefined;
    for (const view of this.served) this.pending.add(this.route(view, platform, context, methods));
    if (methods) registration.methods = [...methods];
  }

  /** `@nestjs/typeorm` registers `TypeOrmModule.forFeature([Book])` under `BookRepository`. */
  private resolveModel(model: Function): unknown {
    try {
      return this.moduleRef.get(`${model.name}Repository`, { strict: false });
    } catch {
      throw new ImproperlyConfigured(MESSAGES.modelNotProvided(model.name));
    }
  }

  /**
   * A `model` whose repository is missing would fail on every request: fail at start-up
   * instead, when the view reads its objects through the library's `getQueryset()`.
   */
  private checkModel(instance: View, initkwargs: Readonly<Kwargs>): void {
    const attribute = (key: string) => (key in initkwargs ? initkwargs[key] : (instance as unknown as Kwargs)[key]);
    const model = attribute('model');
    const usesModel = LIBRARY_GET_QUERYSET.has((instance as unknown as Kwargs).getQueryset) && attribute('queryset') == null;
    if (typeof model === 'function' && usesModel) this.resolveModel(model);
  }

  private *discoverDecorated(): Iterable<ServedView> {
    const seen = new Set<Function>();
    for (const host of this.modules.values()) {
      for (const provider of host.providers.values()) {
        const viewClass = provider.metatype as ViewClass | null;
        const metadata = provider.inject ? undefined : getClassViewMetadata(viewClass);
        if (!metadata || seen.has(viewClass!)) continue;
        seen.add(viewClass!);
        const pattern = this.parseRoute(metadata.route, viewClass!.name);
        yield this.describe(viewClass!, pattern, metadata.name, {}, provider, host);
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
  ): ServedView {
    if (!(viewClass.prototype instanceof View)) throw new ImproperlyConfigured(MESSAGES.notAView(viewClass.name));
    if (provider.scope === Scope.REQUEST || provider.scope === Scope.TRANSIENT) {
      throw new ImproperlyConfigured(MESSAGES.requestScoped(viewClass.name));
    }
    View.checkHandlers.call(viewClass);
    const alias = this.routeCounts.get(viewClass) ?? 0;
    this.routeCounts.set(viewClass, alias + 1);
    const controller = new ClassViewController(viewClass, pattern, host, alias);
    return { viewClass, pattern, name, initkwargs, provider, host, controller };
  }

  private parseRoute(route: string, owner: string): RoutePattern {
    try {
      return RoutePattern.parse(route);
    } catch (error) {
      if (error instanceof ImproperlyConfigured) throw new ImproperlyConfigured(`${owner}: ${error.message}`);
      throw error;
    }
  }

  /** Refuse two views on one path (Fastify would crash on it, Express would hide one). */
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
   * Check `view` against its provider, and make its controller entry route it; add the
   * methods its view answers to `methods`, when given.
   */
  private route(view: ServedView, platform: 'express' | 'fastify', context: ViewContext, methods?: Set<string>): ClassViewRoute {
    const instance = view.provider.instance as View;
    const initkwargs = view.initkwargs;
    for (const key in initkwargs) {
      if (!(key in instance)) throw new TypeError(MESSAGES.asViewUnknownKey(view.viewClass.name, key));
    }
    // describe() checked the default names; a view, or its route, may list others.
    const names = ('httpMethodNames' in initkwargs ? initkwargs.httpMethodNames : instance.httpMethodNames) as readonly string[];
    if (names !== HTTP_METHOD_NAMES) View.checkHandlers.call(view.viewClass, names);
    this.checkModel(instance, initkwargs);

    // The route's view: its overrides over the provider, and this app's context (not on the
    // provider itself, which a test may share between apps, or freeze). Each request gets
    // an object whose prototype it is.
    const routeView = Object.assign(Object.create(instance), initkwargs) as View;
    Object.defineProperty(routeView, VIEW_CONTEXT, { value: context });
    routeView.checkConfiguration();
    const route = new ClassViewRoute(view.pattern, view.viewClass.name, this.options.appendSlash ?? true);
    view.controller.route(createRouteHandler(route, routeView, routePath(view.pattern, platform)));
    if (methods) for (const method of answeredMethods(view.viewClass, names)) methods.add(method);
    return route;
  }
}

/** The library's own `getQueryset()`s, which read `queryset` or `model`. */
const LIBRARY_GET_QUERYSET = new Set<unknown>([
  BaseListView.prototype.getQueryset,
  ListView.prototype.getQueryset,
  BaseDetailView.prototype.getQueryset,
  DetailView.prototype.getQueryset,
]);

// What Nest passes a route's handler, read from the routing controller's constructor (the
// view class) and so written once, on `View`: the request, then the body after the app's
// pipes, as a controller's `@Body()` would get it.
const routeArgsHost = { constructor: View };
Req()(routeArgsHost, CLASS_VIEW_ROUTE_HANDLER, 0);
Body()(routeArgsHost, CLASS_VIEW_ROUTE_HANDLER, 1);

/**
 * The handler Nest routes for one class view route (`@All(path)`, with the request and
 * the body after the app's pipes): it hands the request to the route. The route also
 * rides along as metadata, which Nest copies onto the handler it registers, so that
 * `route-registration` knows the route.
 */
function createRouteHandler(route: ClassViewRoute, routeView: View, path: string): Function {
  function classViewRoute(request: any, body: unknown) {
    return route.handle(routeView, request, body);
  }
  const descriptor: PropertyDescriptor = { value: classViewRoute };
  All(path)(View.prototype, CLASS_VIEW_ROUTE_HANDLER, descriptor);
  Reflect.defineMetadata(CLASS_VIEW_ROUTE_METADATA, route, classViewRoute);
  return classViewRoute;
}

/** The methods a route's view answers, as `setup()` will see it: HEAD with GET, as Django. */
function answeredMethods(viewClass: ViewClass, names: readonly string[]): string[] {
  // Handlers on the class; one set on an instance is still served, through the not-found path.
  const prototype = viewClass.prototype as Record<string, unknown>;
  const methods: string[] = [];
  for (const name of names) {
    if (typeof prototype[name] === 'function' || (name === 'head' && typeof prototype.get === 'function')) methods.push(name.toUpperCase());
  }
  return methods;
}

/**
 * The path Nest registers for a route. Nest strips one trailing slash from every route,
 * so a route ending in `/` is given with two. (`/about` for `about/` is answered by
 * APPEND_SLASH: in the route on Express, whose matching ignores the trailing slash, and
 * from the not-found handler on Fastify.)
 */
function routePath(pattern: RoutePattern, platform: 'express' | 'fastify'): string {
  const path = pattern.toPlatformPath(platform);
  return path.endsWith('/') ? `${path}/` : path;
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

function ignoresTrailingSlash(adapter: HttpServer): boolean {
  const instance = adapter.getInstance?.() as
    | { initialConfig?: { ignoreTrailingSlash?: boolean; routerOptions?: { ignoreTrailingSlash?: boolean } } }
    | undefined;
  const config = instance?.initialConfig;
  return !!(config?.ignoreTrailingSlash || config?.routerOptions?.ignoreTrailingSlash);
}
