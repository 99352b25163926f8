import { Inject, Injectable, type OnModuleInit, Scope } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost, ModuleRef, ModulesContainer } from '@nestjs/core';
import { MESSAGES } from '../class-views.messages.js';
import { CLASS_VIEWS_MODULE_OPTIONS, CLASS_VIEWS_URLPATTERNS } from '../class-views.module-definition.js';
import { CsrfProtection } from '../csrf/csrf-protection.js';
import { MessageService } from '../messages/message.service.js';
import { MESSAGES_MESSAGES } from '../messages/messages.messages.js';
import { findRepository } from '../data/default-queryset.js';
import { getClassViewMetadata } from '../decorators/class-view-metadata.accessor.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { maxNumberFieldsOf } from '../http/field-limit.js';
import { installResponseWriter } from '../http/response-writer.js';
import type { ClassViewOptions } from '../interfaces/class-view-options.interface.js';
import type { ClassViewsModuleOptions } from '../interfaces/class-views-module-options.interface.js';
import { createDocsController } from '../openapi/docs-controller.js';
import { TemplateEngines } from '../templates/template-engines.js';
import { RoutePattern } from '../urls/route-pattern.js';
import type { UrlPattern } from '../urls/url-pattern.js';
import { mountPathOf, setActiveUrlResolver, UrlResolver } from '../urls/url-resolver.js';
import { ClassViewRoute } from './class-view-route.js';
import { createRouteView } from './route-view.js';
import type { ViewContext } from '../app-context/view-context.js';
import { View, type Kwargs, type ViewClass } from '../views/view.js';
import { answerTooManyFieldsWith400 } from './express-field-limit.js';
import { fastifyAppendSlash } from './fastify-append-slash.js';
import { limitFastifyFormFields } from './fastify-field-limit.js';
import { warnAboutUnlistedViews } from './unlisted-views.js';
import {
  addController,
  excludeDoubledSlashes,
  fullPaths,
  hasPipes,
  type InstanceWrapper,
  type Module,
  removeController,
  requestScopedDependency,
} from './nest-internals.js';
import { createRouteController, routeTo, type ControllerEntry } from './route-controller.js';

/** One route to serve: a view class, where it came from, the provider that backs it, its controllers. */
interface ServedView {
  readonly viewClass: ViewClass;
  readonly pattern: RoutePattern;
  readonly name?: string;
  readonly initkwargs: Readonly<Kwargs>;
  readonly provider: InstanceWrapper;
  readonly host: Module;
  /** The controller Nest routes (`route-controller.ts`). */
  readonly routing: ControllerEntry;
  /** The controller `@nestjs/swagger` documents (`openapi/docs-controller.ts`). */
  readonly docs: ControllerEntry;
}

/**
 * Finds the views to serve and makes each of their routes a genuine Nest route.
 *
 * A view stays an ordinary provider of the module that lists it, so its dependencies resolve
 * there. Each of its routes gets two controllers in that module: a routing controller
 * (`route-controller.ts`), whose one `@All()` handler Nest's router registers with the view's
 * enhancers, the global prefix, `RouterModule` paths and versioning; and a documentation
 * controller for `@nestjs/swagger` (`openapi/docs-controller.ts`), which Swagger may read
 * before or after `init()` but which leaves the module while Nest registers routes (from
 * `configure()` to `onModuleInit()`), so that it is never routed.
 *
 * One request, platform to view: the platform's router → Nest's handler for the routing
 * controller (guards, interceptors, pipes) → `classViewRoute()` → `ClassViewRoute.handle()`
 * (`explorer/class-view-route.ts`) → `View.setup()`, `View.dispatch()`; the `HttpResponse` goes
 * back through the interceptors and is written by `http/response-writer.ts`.
 *
 * Views are found in the constructor, so that route names and the documentation exist for
 * the whole app, and routed in `registerRoutes()`, once per app, when the HTTP adapter (and
 * so the platform's route syntax) is known.
 */
@Injectable()
export class ClassViewsExplorer implements OnModuleInit {
  private readonly served: ServedView[];
  /** How many routes each view class has so far, while the views are found. */
  private readonly routeCounts = new Map<Function, number>();
  /** Adds the APPEND_SLASH routes of the Fastify app being initialised, if any. */
  private addUnslashedRoutes?: () => void;
  /** The `dataUploadMaxNumberFields` option, checked; `Infinity` for no limit. */
  private readonly maxNumberFields: number;

  constructor(
    private readonly modules: ModulesContainer,
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: ApplicationConfig,
    private readonly resolver: UrlResolver,
    private readonly templates: TemplateEngines,
    private readonly moduleRef: ModuleRef,
    private readonly csrf: CsrfProtection,
    private readonly messages: MessageService,
    @Inject(CLASS_VIEWS_MODULE_OPTIONS) private readonly options: ClassViewsModuleOptions,
    @Inject(CLASS_VIEWS_URLPATTERNS) urlpatterns: readonly UrlPattern[],
  ) {
    this.maxNumberFields = maxNumberFieldsOf(options.dataUploadMaxNumberFields);
    const decorated = [...this.discoverDecorated()];
    warnAboutUnlistedViews(new Set(decorated.map((view) => view.viewClass)));
    this.served = [...decorated, ...this.collectUrlpatterns(urlpatterns)];
    this.routeCounts.clear();
    this.checkRoutes();
    for (const view of this.served) if (view.name) this.resolver.register(view.name, view.pattern);
    // Routes without captures first: Express tries a module's routes in order and a capture
    // whose converter refuses the value (`books/<int:pk>/` for `/books/new/`) answers 404
    // rather than passing the request on; Fastify's router prefers static text anyway.
    for (const view of [...this.served].sort((a, b) => Number(!a.pattern.isStatic) - Number(!b.pattern.isStatic))) {
      addController(view.host, view.routing.controller, view.routing.instance);
      addController(view.host, view.docs.controller, view.docs.instance);
    }
  }

  /** Nest has registered the routes: the documentation is back for Swagger. */
  onModuleInit(): void {
    for (const { host, docs } of this.served) addController(host, docs.controller, docs.instance);
    this.addUnslashedRoutes?.();
    this.addUnslashedRoutes = undefined;
  }

  /** Route every served view on the app being initialised; called from `configure()`, just before Nest registers routes. */
  registerRoutes(): void {
    const adapter = this.adapterHost.httpAdapter;
    // Pages render through `renderNow()`: the text itself when the engine has it at once.
    installResponseWriter(adapter, { render: this.templates.renderNow.bind(this.templates) });
    this.resolver.setPrefix(this.config.getGlobalPrefix());
    excludeDoubledSlashes(this.config);
    setActiveUrlResolver(this.resolver);
    const platform = adapter.getType() === 'fastify' ? 'fastify' : 'express';
    const context: ViewContext = {
      urls: this.resolver,
      templates: this.templates,
      csrf: this.csrf,
      auth: this.options.auth ?? {},
      timeZone: this.options.timeZone,
      messages: this.messages,
      resolveModel: (model) => findRepository(this.moduleRef, model),
    };
    // Django's DATA_UPLOAD_MAX_NUMBER_FIELDS for form bodies, counted before they are parsed.
    if (this.maxNumberFields !== Infinity) {
      if (platform === 'express') answerTooManyFieldsWith400(adapter);
      else limitFastifyFormFields(adapter, this.maxNumberFields);
    }
    const slashedUrls = new Set<string>();
    for (const view of this.served) {
      removeController(view.host, view.docs.controller);
      for (const url of this.route(view, platform, context)) if (url.endsWith('/')) slashedUrls.add(url);
    }
    // Express's router ignores a trailing slash; Fastify's needs the unslashed routes.
    if (this.options.appendSlash ?? true) this.addUnslashedRoutes = fastifyAppendSlash(adapter, slashedUrls);
  }

  private *discoverDecorated(): Iterable<ServedView> {
    const seen = new Set<Function>();
    for (const host of this.modules.values()) {
      for (const provider of host.providers.values()) {
        // The token, not the metatype: `overrideProvider(SomeView).useValue()` keeps the route.
        const viewClass = provider.token as ViewClass;
        const metadata = getClassViewMetadata(viewClass);
        if (!metadata || seen.has(viewClass)) continue;
        seen.add(viewClass);
        const pattern = parseRoute(metadata.route, viewClass.name);
        yield this.describe({ viewClass, pattern, name: metadata.name, initkwargs: {}, provider, host }, metadata.host);
      }
    }
  }

  private *collectUrlpatterns(urlpatterns: readonly UrlPattern[]): Iterable<ServedView> {
    if (urlpatterns.length === 0) return;
    const host = [...this.modules.values()].find((module) => module.providers.has(CLASS_VIEWS_URLPATTERNS))!;
    for (const { pattern, view, name } of urlpatterns) {
      const viewClass = view.viewClass as ViewClass;
      const provider = host.providers.get(viewClass) as InstanceWrapper;
      yield this.describe({ viewClass, pattern, name, initkwargs: view.initkwargs, provider, host });
    }
  }

  /** Check a found view class and make its route's controllers. */
  private describe(found: Omit<ServedView, 'routing' | 'docs'>, hostname?: ClassViewOptions['host']): ServedView {
    const { viewClass, provider, pattern } = found;
    if (!(viewClass.prototype instanceof View)) throw new ImproperlyConfigured(MESSAGES.notAView(viewClass.name));
    if (provider.scope === Scope.REQUEST || provider.scope === Scope.TRANSIENT) {
      throw new ImproperlyConfigured(MESSAGES.requestScoped(viewClass.name));
    }
    View.checkHandlers.call(viewClass);
    const alias = this.routeCounts.get(viewClass) ?? 0;
    this.routeCounts.set(viewClass, alias + 1);
    return {
      ...found,
      routing: createRouteController(viewClass, hostname),
      docs: createDocsController(viewClass, pattern, alias, found.initkwargs),
    };
  }

  /**
   * Refuse two views on one path (Fastify would crash, Express would hide one), also for
   * different hosts: Nest matches hosts after Fastify's router, which takes one route per path.
   */
  private checkRoutes(): void {
    const byPath = new Map<string, ServedView>();
    for (const view of this.served) {
      const key = view.pattern.route.replace(/\/$/, '');
      const other = byPath.get(key);
      if (other)
        throw new ImproperlyConfigured(
          MESSAGES.sameRoute(view.pattern.route, other.viewClass.name, view.viewClass.name),
        );
      byPath.set(key, view);
    }
  }

  /** Check `view` against its provider and route its controller on this app; return the full paths Nest will register. */
  private route(view: ServedView, platform: 'express' | 'fastify', context: ViewContext): string[] {
    const { viewClass, provider, host, pattern } = view;
    const scoped = requestScopedDependency(provider, host, viewClass, this.config);
    if (scoped) throw new ImproperlyConfigured(MESSAGES.requestScopedDependency(viewClass.name, scoped));
    const routeView = createRouteView(view, provider.instance, context);
    if (
      !this.messages.enabled &&
      typeof (routeView as { getSuccessMessage?: unknown }).getSuccessMessage === 'function'
    ) {
      throw new ImproperlyConfigured(MESSAGES_MESSAGES.successMessageWithoutMessages(viewClass.name));
    }
    const route = new ClassViewRoute(
      pattern,
      viewClass.name,
      routeView,
      this.options.appendSlash ?? true,
      platform,
      this.maxNumberFields,
    );
    const own = pattern.toPlatformPath(platform);
    // Nest strips one trailing slash from every route: a route ending in `/` is given with two.
    const path = own.endsWith('/') ? `${own}/` : own;
    const registered = fullPaths(this.config, this.modules, host, view.routing.controller, path);
    this.resolver.setMountPath(pattern, mountPathOf(registered[registered.length - 1]!, own));
    const pipedBody = this.config.getGlobalPipes().length > 0 || hasPipes(viewClass);
    routeTo(view.routing.controller, [path], pipedBody, (request, body) => route.handle(request, body));
    return registered;
  }
}

/** Parse a `@ClassView()` route; an error in it names the view class. */
function parseRoute(route: string, owner: string): RoutePattern {
  try {
    return RoutePattern.parse(route);
  } catch (error) {
    // The route's own error and code, with the view's name in front.
    throw error instanceof ImproperlyConfigured
      ? new ImproperlyConfigured({ code: error.code!, message: `${owner}: ${error.message}` })
      : error;
  }
}
