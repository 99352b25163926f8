/**
 * Every use the library makes of Nest's internals, in one file, each with why no public API
 * serves. Checked against @nestjs/common and @nestjs/core 12.5. Deep imports use
 * paths that exist in every supported version (`@nestjs/common/constants.js` rather than
 * 12's `@nestjs/common/internal`).
 */
import { RequestMethod, Scope, type Type, type VersioningOptions } from '@nestjs/common';
import {
  HOST_METADATA,
  INJECTABLE_WATERMARK,
  METHOD_METADATA,
  MODULE_PATH,
  PATH_METADATA,
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
 * `version` that hides the view class's `@Version()`), reads the version as Nest's router
 * does, and reads `@Injectable()`'s mark so that `@ClassView()` keeps an `@Injectable()`'s
 * options.
 */
export { HOST_METADATA, INJECTABLE_WATERMARK, METHOD_METADATA, PATH_METADATA, VERSION_METADATA };

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
