import { All, Body, Controller, HttpServer, Inject, Injectable, type OnModuleInit, Req, Scope, SetMetadata } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost, ModuleRef, ModulesContainer } from '@nestjs/core';
import { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper.js';
import type { Module } from '@nestjs/core/injector/module.js';
import { CLASS_VIEW_ROUTE_HANDLER } from '../class-views.constants.js';
import { MESSAGES } from '../class-views.messages.js';
import { CLASS_VIEWS_MODULE_OPTIONS, CLASS_VIEWS_URLPATTERNS } from '../class-views.module-definition.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { installResponseWriter, responseWriterFor } from '../http/response-writer.js';
import type { ClassViewsModuleOptions } from '../interfaces/class-views-module-options.interface.js';
import { RoutePattern } from '../urls/route-pattern.js';
import { setActiveUrlResolver, UrlResolver } from '../urls/url-resolver.js';
import type { UrlPattern } from '../urls/url-pattern.js';
import { TemplateEngines } from '../templates/template-engines.js';
import { VIEW_CONTEXT, type ViewContext } from '../views/view-context.js';
import { BaseDetailView, DetailView } from '../views/detail.view.js';
import { BaseListView, ListView } from '../views/list.view.js';
import { View, type Kwargs, type ViewClass } from '../views/view.js';
import { getClassViewMetadata } from './class-view-metadata.accessor.js';
import { installAppendSlash } from './append-slash.js';
import { createDocsClass } from './class-view-docs.js';
import { ClassViewRoute } from './class-view-route.js';

/** One route to serve: a view class, where it came from, and the provider that backs it. */
interface ServedView {
  readonly viewClass: ViewClass;
  readonly pattern: RoutePattern;
  readonly name?: string;
  readonly initkwargs: Readonly<Kwargs>;
  readonly provider: InstanceWrapper;
  readonly host: Module;
  /** The documentation-only controller for `@nestjs/swagger`. */
  readonly docs: InstanceWrapper;
}

/**
 * Finds the views to serve and makes each one a genuine Nest route.
 *
 * Design (see `nest-integration` notes): each view stays an ordinary provider of the
 * module that lists it, so its dependencies resolve there and it is instantiated like
 * any provider. For each route, a controller is then added to that same module: a
 * subclass of the view carrying `@Controller()` and one `@All()` handler, whose
 * instance is an object whose prototype is the provider (plus the route's `asView()`
 * overrides). Nest's own router registers it, so global and class-level guards,
 * interceptors, pipes and filters, the global prefix and route logging all apply, and
 * Nest's 404 still answers unknown paths. One `ALL` route per path keeps Django's single
 * `dispatch()` for every method, TRACE included, and costs one route like a controller.
 *
 * Views are found in the constructor (instance loading, so that route names exist for
 * the whole app) and routed in `configure()`, which runs before Nest registers routes
 * but after the HTTP adapter is known, as the route syntax differs per platform.
 *
 * Swagger: the `ALL` route is hidden from `@nestjs/swagger`; each view also gets a
 * documentation-only controller listing the handlers it really has. Those are in the
 * module from instance loading on, so `SwaggerModule.createDocument()` sees them before
 * or after `init()`, except while Nest registers routes (from `configure()` to
 * `onModuleInit()`), so Nest never routes them.
 */
@Injectable()
export class ClassViewsExplorer implements OnModuleInit {
  private readonly served: ServedView[];
  private routed = false;

  constructor(
    private readonly modules: ModulesContainer,
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: ApplicationConfig,
    private readonly resolver: UrlResolver,
    private readonly templates: TemplateEngines,
    private readonly moduleRef: ModuleRef,
    @Inject(CLASS_VIEWS_MODULE_OPTIONS) private readonly options: ClassViewsModuleOptions,
    @Inject(CLASS_VIEWS_URLPATTERNS) urlpatterns: readonly UrlPattern[],
  ) {
    this.served = [...this.discoverDecorated(), ...this.collectUrlpatterns(urlpatterns)];
    this.checkRoutes();
    for (const view of this.served) if (view.name) this.resolver.register(view.name, view.pattern);
    this.showDocs(true);
  }

  /** Routes are registered by now: the documentation controllers may come back. */
  onModuleInit(): void {
    this.showDocs(true);
  }

  private showDocs(shown: boolean): void {
    for (const { host, docs } of this.served) {
      if (shown) host.controllers.set(docs.token, docs);
      else host.controllers.delete(docs.token);
    }
  }

  /** Add a controller per served view to its module; called once, from `configure()`. */
  registerRoutes(): void {
    if (this.routed) return;
    this.routed = true;
    this.showDocs(false);
    const adapter = this.adapterHost.httpAdapter;
    installResponseWriter(adapter, this.templates);
    const prefix = this.config.getGlobalPrefix().replace(/^\/+|\/+$/g, '');
    this.resolver.setPrefix(prefix);
    setActiveUrlResolver(this.resolver);
    const platform = adapter.getType() === 'fastify' ? 'fastify' : 'express';
    if (platform === 'fastify' && !ignoresTrailingSlash(adapter) && (this.options.appendSlash ?? true)) {
      const slashed = this.served.map((view) => view.pattern).filter((pattern) => pattern.endsWithSlash && pattern.route !== '');
      installAppendSlash(adapter, prefix, slashed, responseWriterFor(adapter));
    }
    const context: ViewContext = {
      urls: this.resolver,
      templates: this.templates,
      resolveModel: (model) => this.resolveModel(model),
    };
    for (const view of this.served) this.addController(view, platform, context);
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
    const DocsClass = createDocsClass(viewClass, pattern);
    const docs = new InstanceWrapper({
      token: DocsClass,
      name: viewClass.name,
      metatype: DocsClass,
      instance: Object.create(DocsClass.prototype),
      isResolved: true,
      scope: Scope.DEFAULT,
      host,
    });
    return { viewClass, pattern, name, initkwargs, provider, host, docs };
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

  private addController(view: ServedView, platform: 'express' | 'fastify', context: ViewContext): void {
    const instance = view.provider.instance as View;
    for (const key of Object.keys(view.initkwargs)) {
      if (!(key in instance)) throw new TypeError(MESSAGES.asViewUnknownKey(view.viewClass.name, key));
    }
    View.checkHandlers.call(view.viewClass, instance.httpMethodNames);
    this.checkModel(instance, view.initkwargs);

    const route = new ClassViewRoute(view.pattern, view.viewClass.name, this.options.appendSlash ?? true);
    const RouteClass = createRouteClass(view.viewClass, route, [routePath(view.pattern, platform)]);
    // The object Nest calls the handler on: the route's overrides over the provider.
    const routeProto = Object.assign(Object.create(instance), view.initkwargs, { constructor: RouteClass });
    Object.defineProperty(routeProto, CLASS_VIEW_ROUTE_HANDLER, { value: RouteClass.prototype[CLASS_VIEW_ROUTE_HANDLER] });
    Object.defineProperty(routeProto, VIEW_CONTEXT, { value: context });
    const wrapper = new InstanceWrapper({
      token: RouteClass,
      name: view.viewClass.name,
      metatype: RouteClass,
      instance: Object.create(routeProto),
      isResolved: true,
      scope: Scope.DEFAULT,
      host: view.host,
    });
    view.host.controllers.set(RouteClass, wrapper);
  }
}

/** The library's own `getQueryset()`s, which read `queryset` or `model`. */
const LIBRARY_GET_QUERYSET = new Set<unknown>([
  BaseListView.prototype.getQueryset,
  ListView.prototype.getQueryset,
  BaseDetailView.prototype.getQueryset,
  DetailView.prototype.getQueryset,
]);

/**
 * A subclass of the view that Nest routes as a controller: class-level metadata of the
 * view (guards, interceptors, filters) is inherited, and the handler is this route's.
 */
function createRouteClass(viewClass: ViewClass, route: ClassViewRoute, paths: string[]): any {
  const name = viewClass.name;
  const RouteClass = { [name]: class extends (viewClass as any) {} }[name];
  function classViewRoute(this: View, request: any, body: unknown) {
    return route.handle(this, request, body);
  }
  Object.defineProperty(RouteClass.prototype, CLASS_VIEW_ROUTE_HANDLER, { value: classViewRoute, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(RouteClass.prototype, CLASS_VIEW_ROUTE_HANDLER)!;
  All(paths)(RouteClass.prototype, CLASS_VIEW_ROUTE_HANDLER, descriptor);
  SetMetadata('swagger/apiExcludeEndpoint', { disable: true })(RouteClass.prototype, CLASS_VIEW_ROUTE_HANDLER, descriptor);
  Req()(RouteClass.prototype, CLASS_VIEW_ROUTE_HANDLER, 0);
  // The body goes through the app's pipes, as a controller's @Body() would.
  Body()(RouteClass.prototype, CLASS_VIEW_ROUTE_HANDLER, 1);
  Controller()(RouteClass);
  return RouteClass;
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

function ignoresTrailingSlash(adapter: HttpServer): boolean {
  const instance = adapter.getInstance?.() as
    | { initialConfig?: { ignoreTrailingSlash?: boolean; routerOptions?: { ignoreTrailingSlash?: boolean } } }
    | undefined;
  const config = instance?.initialConfig;
  return !!(config?.ignoreTrailingSlash || config?.routerOptions?.ignoreTrailingSlash);
}
