import { RequestMethod } from '@nestjs/common';
import type { RoutePattern } from '../urls/route-pattern.js';
import type { ViewClass } from '../views/view.js';
import { METHOD_METADATA, PATH_METADATA } from '../explorer/nest-internals.js';
import { operationDocs, viewAnswers } from './view-answers.js';

/** The handlers OpenAPI can describe, with Nest's method for each. */
const DOCUMENTED_METHODS: ReadonlyArray<[string, RequestMethod]> = [
  ['get', RequestMethod.GET],
  ['post', RequestMethod.POST],
  ['put', RequestMethod.PUT],
  ['patch', RequestMethod.PATCH],
  ['delete', RequestMethod.DELETE],
  ['head', RequestMethod.HEAD],
];

/** `@nestjs/swagger`'s metadata keys (no import: swagger is optional). */
const API_PARAMETERS = 'swagger/apiParameters';
const API_RESPONSE = 'swagger/apiResponse';
const API_CONSUMES = 'swagger/apiConsumes';
/** The prefix of every `@nestjs/swagger` metadata key. */
const SWAGGER_PREFIX = 'swagger/';

/**
 * The documentation-only controller of one route, for `@nestjs/swagger`: a class named after
 * the view, inheriting its class-level metadata (`@ApiTags()` and the like), with one method
 * per handler the view really defines, named after it (operation id `HelloView_get`), with
 * the handler's own swagger decorators and the route's path parameters. HEAD answered by
 * `get()` and the default OPTIONS are served but not listed. Nest never routes it (see the
 * explorer), and its methods are stubs: Nest, and explorers such as `@nestjs/schedule`'s,
 * look for hooks and handlers on every controller instance, and the view's run on its
 * provider only.
 *
 * A view class served on several routes (`path('a/', TemplateView.asView(...))`,
 * `path('b/', TemplateView.asView(...))`) would give every route the same operation ids,
 * which OpenAPI forbids: from its second route on, the methods are named as Swagger names
 * one handler's extra paths, `get[1]`, `get[2]` (operation id `TemplateView_get[1]`).
 *
 * Each operation also says what the generic views answer (`view-answers.ts`): a page as
 * `text/html`, JSON where the view negotiates it, a form's body as urlencoded and JSON with
 * the form's schema, and the 302/200/201/204/403/404/422 answers they give. The handler's own
 * `@ApiResponse()`s win.
 *
 * @param alias - how many routes of the same view class came before this one.
 * @param initkwargs - the route's `asView()` attributes.
 */
export function createDocsController(
  viewClass: ViewClass,
  pattern: RoutePattern,
  alias = 0,
  initkwargs: Readonly<Record<string, unknown>> = {},
): { controller: Function; instance: object } {
  const name = viewClass.name;
  const controller = { [name]: class {} }[name]!;
  Object.setPrototypeOf(controller, viewClass);
  Reflect.defineMetadata(PATH_METADATA, '/', controller);
  const path = pattern.toDocsPath() + (pattern.endsWithSlash ? '/' : '');
  const parameters = pattern.params.map(({ name: param, converter }) => ({
    name: param,
    in: 'path',
    required: true,
    schema:
      converter === 'int'
        ? { type: 'integer' }
        : converter === 'uuid'
          ? { type: 'string', format: 'uuid' }
          : { type: 'string' },
  }));
  const answers = viewAnswers(viewClass, initkwargs);
  for (const [method, requestMethod] of DOCUMENTED_METHODS) {
    const handler = viewClass.prototype[method as keyof typeof viewClass.prototype] as unknown;
    if (typeof handler !== 'function') continue;
    const stubName = alias === 0 ? method : `${method}[${alias}]`;
    // biome-ignore lint/complexity/useArrowFunction: it becomes a controller method, so a method-like function, not an arrow
    const stub = { [stubName]: function () {} }[stubName]!;
    // The handler's swagger decorators only (an explorer looking for `@OnEvent()` or `@Cron()`
    // finds those on the provider once), then what Nest's @Get() etc. write.
    for (const key of Reflect.getOwnMetadataKeys(handler)) {
      if (typeof key === 'string' && key.startsWith(SWAGGER_PREFIX))
        Reflect.defineMetadata(key, Reflect.getOwnMetadata(key, handler), stub);
    }
    const docs = operationDocs(method, answers);
    const own = Reflect.getOwnMetadata(API_PARAMETERS, stub) as unknown[] | undefined;
    if (!own) {
      // `type: String`, as @ApiBody({ schema }) writes it: the schema is taken as given.
      const body = docs.body ? [{ in: 'body', name: 'body', required: true, type: String, schema: docs.body }] : [];
      if (parameters.length + body.length > 0) Reflect.defineMetadata(API_PARAMETERS, [...parameters, ...body], stub);
      if (body.length > 0 && !Reflect.hasOwnMetadata(API_CONSUMES, stub))
        Reflect.defineMetadata(API_CONSUMES, ['application/x-www-form-urlencoded', 'application/json'], stub);
    }
    if (Object.keys(docs.responses).length > 0) {
      Reflect.defineMetadata(
        API_RESPONSE,
        { ...docs.responses, ...(Reflect.getOwnMetadata(API_RESPONSE, stub) as object | undefined) },
        stub,
      );
    }
    Reflect.defineMetadata(PATH_METADATA, path, stub);
    Reflect.defineMetadata(METHOD_METADATA, requestMethod, stub);
    Object.defineProperty(controller.prototype, method, { value: stub, configurable: true, writable: true });
  }
  return { controller, instance: Object.create(controller.prototype) };
}
