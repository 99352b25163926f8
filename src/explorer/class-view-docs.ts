import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { RoutePattern } from '../urls/route-pattern.js';
import type { ViewClass } from '../views/view.js';

/** The handlers OpenAPI can describe, with Nest's method for each. */
const DOCUMENTED_METHODS: ReadonlyArray<[string, RequestMethod]> = [
  ['get', RequestMethod.GET],
  ['post', RequestMethod.POST],
  ['put', RequestMethod.PUT],
  ['patch', RequestMethod.PATCH],
  ['delete', RequestMethod.DELETE],
  ['head', RequestMethod.HEAD],
];

/** `@nestjs/swagger`'s metadata key for operation parameters (no import: swagger is optional). */
const API_PARAMETERS = 'swagger/apiParameters';

/**
 * A documentation-only controller for one route, for `@nestjs/swagger`: one method per
 * handler the view really defines, named after it (operation id `HelloView_get`), with
 * the handler's own swagger decorators and the route's path parameters. Nest never
 * routes it: the explorer takes it out of the module while Nest registers routes.
 * HEAD answered by `get()` and the default OPTIONS are served but not listed.
 */
export function createDocsClass(viewClass: ViewClass, pattern: RoutePattern): any {
  const name = viewClass.name;
  // Nest calls lifecycle hooks on controllers too: the view's run on its provider only.
  const DocsClass = {
    [name]: class extends (viewClass as any) {
      get onModuleInit() {
        return undefined;
      }
      get onApplicationBootstrap() {
        return undefined;
      }
      get onModuleDestroy() {
        return undefined;
      }
      get beforeApplicationShutdown() {
        return undefined;
      }
      get onApplicationShutdown() {
        return undefined;
      }
    },
  }[name];
  const path = pattern.toPlatformPath('express') + (pattern.endsWithSlash ? '/' : '');
  const parameters = pattern.params.map(({ name: param, converter }) => ({
    name: param,
    in: 'path',
    required: true,
    schema: converter === 'int' ? { type: 'integer' } : converter === 'uuid' ? { type: 'string', format: 'uuid' } : { type: 'string' },
  }));
  for (const [method, requestMethod] of DOCUMENTED_METHODS) {
    const handler = viewClass.prototype[method as keyof typeof viewClass.prototype] as unknown;
    if (typeof handler !== 'function') continue;
    const doc = { [method]: function () {} }[method];
    // The handler's own decorators (swagger's among them), then what Nest's @Get() etc. write.
    for (const key of Reflect.getOwnMetadataKeys(handler)) Reflect.defineMetadata(key, Reflect.getOwnMetadata(key, handler), doc);
    if (parameters.length && !Reflect.hasOwnMetadata(API_PARAMETERS, doc)) Reflect.defineMetadata(API_PARAMETERS, parameters, doc);
    Reflect.defineMetadata(PATH_METADATA, path, doc);
    Reflect.defineMetadata(METHOD_METADATA, requestMethod, doc);
    Object.defineProperty(DocsClass.prototype, method, { value: doc, configurable: true, writable: true });
  }
  return DocsClass;
}
