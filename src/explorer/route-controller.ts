import { All, Body, Req } from '@nestjs/common';
import { CLASS_VIEW_ROUTE_HANDLER } from '../class-views.constants.js';
import type { ClassViewOptions } from '../interfaces/class-view-options.interface.js';
import { View, type ViewClass, type ViewResult } from '../views/view.js';
import { HOST_METADATA, PATH_METADATA } from './nest-internals.js';

/** `@nestjs/swagger`'s key for `@ApiExcludeController()` (no import: swagger is optional). */
const API_EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';

/** A controller class the library made, and its one instance. */
export interface ControllerEntry {
  readonly controller: Function;
  readonly instance: object;
}

/**
 * The controller Nest routes for one class view route: a class named after the view whose one
 * handler, `classViewRoute(@Req() request, @Body() body)` (without `@Body()` when no pipe runs
 * on the body, see {@link routeTo}), is routed with `@All()` (on Fastify,
 * every method it supports), so Nest's router, enhancers, global prefix, `RouterModule` paths,
 * versioning and route log apply as to any controller. The view class is not changed; two
 * links to it make its class-level metadata count:
 * - the controller class inherits its static side, where Nest reads `@UseGuards()` and the
 *   like, and `@Controller({ version })`;
 * - its instances name it as their `constructor`, so `context.getClass()` is the view, as
 *   guards that read `Reflector` metadata expect.
 * `host` is `@ClassView()`'s, matched as `@Controller({ host })`'s. Hidden from Swagger:
 * `openapi/docs-controller.ts` documents the route instead.
 */
export function createRouteController(viewClass: ViewClass, host?: ClassViewOptions['host']): ControllerEntry {
  const name = viewClass.name;
  const controller = { [name]: class {} }[name]!;
  Object.setPrototypeOf(controller, viewClass);
  Reflect.defineMetadata(PATH_METADATA, '/', controller);
  if (host !== undefined) Reflect.defineMetadata(HOST_METADATA, host, controller);
  Reflect.defineMetadata(API_EXCLUDE_CONTROLLER, [true], controller);
  Object.defineProperty(controller.prototype, 'constructor', { value: viewClass, configurable: true, writable: true });
  return { controller, instance: Object.create(controller.prototype) };
}

/**
 * Route `controller`'s handler at `paths` (as `@All()` takes them), serving each request and
 * its body with `serve`. With `pipedBody`, the handler takes the body as `@Body()`, so that the
 * app's pipes and the view class's `@UsePipes()` run on it; without (no pipe would run), only
 * the request, which spares Nest a parameter on every request, and the view reads the body
 * from the request. Called for each app, before Nest registers routes.
 */
export function routeTo(
  controller: Function,
  paths: string[],
  pipedBody: boolean,
  serve: (request: any, body: unknown) => ViewResult,
): void {
  const key = pipedBody ? CLASS_VIEW_ROUTE_HANDLER : UNPIPED_ROUTE_HANDLER;
  // One handler per controller: an app made earlier from the same module may have routed the other.
  delete (controller.prototype as Record<string, unknown>)[
    pipedBody ? UNPIPED_ROUTE_HANDLER : CLASS_VIEW_ROUTE_HANDLER
  ];
  const descriptor: PropertyDescriptor = {
    value: function classViewRoute(request: unknown, body: unknown) {
      return serve(request, body);
    },
    configurable: true,
    writable: true,
  };
  All(paths)(controller.prototype, key, descriptor);
  Object.defineProperty(controller.prototype, key, descriptor);
}

/** The handler's key when no pipe runs on the body: it takes the request only. */
const UNPIPED_ROUTE_HANDLER = `${CLASS_VIEW_ROUTE_HANDLER}WithoutPipes`;

// The handlers' parameters: Nest reads them from the class that the controller's instances
// name as `constructor` (the view class), so they are written once, on `View`.
const routeArgsHost = { constructor: View };
Req()(routeArgsHost, CLASS_VIEW_ROUTE_HANDLER, 0);
Body()(routeArgsHost, CLASS_VIEW_ROUTE_HANDLER, 1);
Req()(routeArgsHost, UNPIPED_ROUTE_HANDLER, 0);
