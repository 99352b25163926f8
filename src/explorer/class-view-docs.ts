import { Controller, RequestMethod, RequestMapping } from '@nestjs/common';
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
  const DocsClass = { [name]: class extends (viewClass as any) {} }[name];
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
    for (const key of Reflect.getMetadataKeys(handler)) Reflect.defineMetadata(key, Reflect.getMetadata(key, handler), doc);
    if (parameters.length && !Reflect.hasMetadata(API_PARAMETERS, doc)) Reflect.defineMetadata(API_PARAMETERS, parameters, doc);
    Object.defineProperty(DocsClass.prototype, method, { value: doc, configurable: true, writable: true });
    const descriptor = Object.getOwnPropertyDescriptor(DocsClass.prototype, method)!;
    RequestMapping({ path, method: requestMethod })(DocsClass.prototype, method, descriptor);
  }
  Controller()(DocsClass);
  return DocsClass;
}
