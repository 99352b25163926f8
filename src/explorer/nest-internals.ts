/**
 * Every use the library makes of Nest's internals, in one file, each with why no public API
 * serves. Checked against @nestjs/common and @nestjs/core 11.2, 12.0 and 12.5 (the version
 * matrix, `.ci/matrix.sh`, runs the suite on each). Deep imports use
 * paths that exist in every supported version (`@nestjs/common/constants.js` rather than
 * 12's `@nestjs/common/internal`).
 */
import { RequestMethod, Scope, type Type, type VersioningOptions } from '@nestjs/common';
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
import { RoutePathFactory } from '@nestjs/core/router/route-path-factory.js';

export type { InstanceWrapper, Module };

/**
 * Metadata keys Nest's decorators write and its router reads. The library writes the path,
 * method and host on the controllers it makes (`@Controller()` would also write an own, empty
 * `version` that hides a version given by `@Controller({ version })` on the view class), reads the version as Nest's router
 * does, reads `@Injectable()`'s mark so that `@ClassView()` keeps an `@Injectable()`'s
 * options, and reads `@Module()`'s imports to name the modules that import `forRoot()` twice.
 */
export { HOST_METADATA, INJECTABLE_WATERMARK, METHOD_METADATA, MODULE_METADATA, PATH_METADATA, VERSION_METADATA };

/**
 * Add a controller, already made, to `host`'s controllers, where Nest's router (and
 * `@nestjs/swagger`) look for them. Nest has no public API to add a controller to a module
 * after the scan, and a view's controller must live in the view's own module: its class-level
 * guards, interceptors, pipes and filters are instances of that module, and Nest silently
 * skips an enhancer it cannot find in the controller's module.
 *
 * The wrapper is made resolved, with its instance, so Nest's injector never constructs it.
 */
export function addController(host: Module, controller: Type, instance: object): void {
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
export function removeController(host: Module, controller: Type): void {
  host.controllers.delete(controller);
}

/** What Nest's router needs to build a route's full path, as {@link fullPaths} takes it. */
export interface RoutePathContext {
  readonly config: ApplicationConfig;
  readonly modules: ModulesContainer;
}

/**
 * The full paths Nest registers for an `@All(methodPath)` handler of a controller of `host`
 * (path `/`, versioned as `controller`'s class metadata says): global prefix unless excluded,
 * `RouterModule` path, URI version. Made with Nest's own `RoutePathFactory`, as its router
 * does, so `reverse()` always agrees with the router; Nest reports the paths it registers
 * through no public API (only its log).
 */
export function fullPaths(context: RoutePathContext, host: Module, controller: Function, methodPath: string): string[] {
  const { config, modules } = context;
  const versioningOptions: VersioningOptions | undefined = config.getVersioning();
  // RouterModule records a module's path per application, as Nest's RoutesResolver reads it.
  const modulePath =
    Reflect.getMetadata(MODULE_PATH + modules.applicationId, host.metatype) ?? Reflect.getMetadata(MODULE_PATH, host.metatype);
  const prefix = config.getGlobalPrefix();
  const controllerVersion = versioningOptions ? (Reflect.getMetadata(VERSION_METADATA, controller) ?? versioningOptions.defaultVersion) : undefined;
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

/** The class-level enhancer lists a view class may carry (`@UseGuards()` and the others). */
const ENHANCER_KEYS = [GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA, EXCEPTION_FILTERS_METADATA];

/**
 * The name of the first request-scoped thing a view's route would depend on (the view's own
 * dependency tree, an enhancer on its class, a global request-scoped enhancer), or
 * `undefined` when there is none.
 *
 * Why: Nest decides during its scan whether a controller is served per request, by linking
 * it to the request-scoped providers and enhancers it depends on. The library adds its
 * controllers after the scan, so they are always static, and a request-scoped enhancer
 * would run as an unconstructed placeholder: refuse it at start-up instead.
 */
export function requestScopedDependency(provider: InstanceWrapper, host: Module, viewClass: Function, config: ApplicationConfig): string | undefined {
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
