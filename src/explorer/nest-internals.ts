/**
 * Every use the library makes of Nest's internals, each with why no public API serves.
 * Checked against @nestjs/common and @nestjs/core 11.2, 12.0, 12.5 and 12.6 (`.ci/matrix.sh` runs the
 * suite on each). Deep imports use paths that exist in all of them (`@nestjs/common/constants.js`,
 * not 12's `@nestjs/common/internal`).
 */
import { RequestMethod, Scope } from '@nestjs/common';
import {
  EXCEPTION_FILTERS_METADATA,
  GUARDS_METADATA,
  HOST_METADATA,
  INJECTABLE_WATERMARK,
  METHOD_METADATA,
  MODULE_METADATA,
  INTERCEPTORS_METADATA,
  MODULE_PATH,
  PATH_METADATA,
  PIPES_METADATA,
  VERSION_METADATA,
} from '@nestjs/common/constants.js';
import type { ApplicationConfig, ModulesContainer } from '@nestjs/core';
import { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper.js';
import type { Module } from '@nestjs/core/injector/module.js';
import { mapToExcludeRoute } from '@nestjs/core/middleware/utils.js';
import type { ExcludeRouteMetadata } from '@nestjs/core/router/interfaces/exclude-route-metadata.interface.js';
import { RoutePathFactory } from '@nestjs/core/router/route-path-factory.js';

export type { InstanceWrapper, Module };

/**
 * Keys Nest's decorators write: the library writes path, method and host on the controllers
 * it makes (`@Controller()` would also write an own, empty version, hiding the view class's
 * `@Controller({ version })`), reads `@Injectable()`'s mark so that `@ClassView()` keeps an
 * `@Injectable()`'s options, and `@Module()`'s imports to name who imports `forRoot()` twice.
 */
export { HOST_METADATA, INJECTABLE_WATERMARK, METHOD_METADATA, MODULE_METADATA, PATH_METADATA };

/**
 * Add a controller, already made, to `host`, where Nest's router and `@nestjs/swagger` look.
 * No public API adds a controller after the scan, and it must be in the view's own module:
 * Nest looks its enhancers up there, and silently skips one it cannot find. The wrapper is
 * resolved, with its instance, so Nest's injector never constructs it.
 */
export function addController(host: Module, controller: Function, instance: object): void {
  const wrapper = new InstanceWrapper({
    token: controller,
    name: controller.name,
    metatype: controller,
    instance,
    isResolved: true,
    scope: Scope.DEFAULT,
    host,
  });
  host.controllers.set(controller, wrapper);
}

/** Take a controller added by {@link addController} out of `host` again. */
export function removeController(host: Module, controller: Function): void {
  host.controllers.delete(controller);
}

/**
 * The full paths Nest registers for an `@All(methodPath)` handler of `controller` (path `/`)
 * in `host`: global prefix unless excluded, `RouterModule` path, URI version. Built with Nest's
 * own `RoutePathFactory`, as its router does, so `reverse()` agrees with the router; Nest
 * reports the paths it registers only in its log.
 */
export function fullPaths(
  config: ApplicationConfig,
  modules: ModulesContainer,
  host: Module,
  controller: Function,
  methodPath: string,
): string[] {
  const versioningOptions = config.getVersioning();
  // RouterModule records a module's path per application, as Nest's RoutesResolver reads it.
  const modulePath =
    Reflect.getMetadata(MODULE_PATH + modules.applicationId, host.metatype) ??
    Reflect.getMetadata(MODULE_PATH, host.metatype);
  const prefix = config.getGlobalPrefix();
  const controllerVersion = versioningOptions
    ? (Reflect.getMetadata(VERSION_METADATA, controller) ?? versioningOptions.defaultVersion)
    : undefined;
  return new RoutePathFactory(config).create(
    {
      ctrlPath: '/',
      modulePath,
      globalPrefix: prefix && !prefix.startsWith('/') ? `/${prefix}` : prefix,
      controllerVersion,
      versioningOptions,
      methodPath,
    },
    RequestMethod.ALL,
  );
}

/**
 * Keep a global-prefix exclusion written with a trailing slash (`exclude: ['health/']`)
 * excluding the view served at that path. Nest tests exclusions against a route's path before
 * it strips one trailing slash, and the library gives a route ending in `/` with two (see the
 * explorer's `route()`). Up to 12.5 Nest compiled `health/` to match `/health//` too; since 12.6
 * it compiles it without the slash, to `/health` and `/health/` only. Each such exclusion gets
 * a twin that also takes the doubled slash, compiled by Nest itself. Idempotent: the twins
 * already added are recognised by their path.
 */
export function excludeDoubledSlashes(config: ApplicationConfig): void {
  const exclude = config.getGlobalPrefixOptions().exclude as ExcludeRouteMetadata[] | undefined;
  if (!Array.isArray(exclude)) return;
  const paths = new Set(exclude.map((route) => route.path));
  for (const route of [...exclude]) {
    if (!route.path.endsWith('/') || paths.has(`${route.path}{/}`)) continue;
    const [twin] = mapToExcludeRoute([{ ...route, path: `${route.path}{/}`, method: route.requestMethod }]);
    if (twin) exclude.push(twin);
  }
}

/** Whether `@UsePipes()` on `viewClass` (or a class it extends) names a pipe. */
export function hasPipes(viewClass: Function): boolean {
  return ((Reflect.getMetadata(PIPES_METADATA, viewClass) ?? []) as unknown[]).length > 0;
}

/** The class-level enhancer lists a view class may carry (`@UseGuards()` and the others). */
const ENHANCER_KEYS = [GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA, EXCEPTION_FILTERS_METADATA];

/**
 * The name of the first request-scoped thing a view's route would depend on (its dependency
 * tree, an enhancer on its class, a global request-scoped enhancer), if any. Nest decides in
 * its scan whether a controller is served per request; the library's controllers are added
 * after it, so are always static, and a request-scoped enhancer would run unconstructed:
 * refuse it at start-up instead.
 */
export function requestScopedDependency(
  provider: InstanceWrapper,
  host: Module,
  viewClass: Function,
  config: ApplicationConfig,
): string | undefined {
  for (const key of ENHANCER_KEYS) {
    for (const enhancer of (Reflect.getMetadata(key, viewClass) ?? []) as unknown[]) {
      if (typeof enhancer !== 'function') continue;
      const wrapper = host.injectables.get(enhancer);
      if (wrapper && !wrapper.isDependencyTreeStatic()) return enhancer.name;
    }
  }
  // After the enhancers: Nest counts a provider's class-level enhancers in its tree too.
  if (!provider.isDependencyTreeStatic()) return viewClass.name;
  const globals = [
    ...config.getGlobalRequestGuards(),
    ...config.getGlobalRequestInterceptors(),
    ...config.getGlobalRequestPipes(),
    ...config.getGlobalRequestFilters(),
  ];
  return globals[0]?.name;
}

/**
 * Make `filter` the app's global exception filter of lowest precedence, behind the app's own
 * (`useGlobalFilters()`, `APP_FILTER`, and `@UseFilters()` of classes and methods): Nest tries a
 * route's filters from the last global one added to the first, then the class's and method's
 * before them, so the first of `getGlobalFilters()` is tried last. Public APIs only append
 * (`useGlobalFilters()`); this puts it first in the array `getGlobalFilters()` returns. Called
 * before Nest registers routes, which is when each route reads the global filters. Once per app.
 */
export function addFallbackFilter(config: ApplicationConfig, filter: object): void {
  const filters = config.getGlobalFilters() as object[];
  if (!filters.includes(filter)) filters.unshift(filter);
}
