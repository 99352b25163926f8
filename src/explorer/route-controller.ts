import { All, Body, Req } from '@nestjs/common';
import { CLASS_VIEW_ROUTE_HANDLER } from '../class-views.constants.js';
import type { ClassViewOptions } from '../interfaces/class-view-options.interface.js';
import { View, type ViewClass, type ViewResult } from '../views/view.js';
import { HOST_METADATA, PATH_METADATA } from './nest-internals.js';

/** `@nestjs/swagger`'s key for `@ApiExcludeController()` (no import: swagger is optional). */
const API_EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';

/** What a route's handler does with a request and its body (after the app's pipes). */
export type ServeRequest = (request: any, body: unknown) => ViewResult;

/**
 * The controller Nest routes for one class view route: an ordinary controller class, named
 * after the view, with one handler, `classViewRoute(@Req() request, @Body() body)`, routed
 * with `@All()` as any controller's would be (on Fastify, for every method it supports), so
 * Nest's router, guards, interceptors, pipes, filters, global prefix, `RouterModule` paths,
 * versioning and route log all apply as they do to hand-written controllers.
 *
 * Two links to the view class make its class-level metadata count:
 * - the controller class inherits the view class's static side, so Nest reads the
 *   enhancers there (`@UseGuards()` and the others), and a version given with
 *   `@Controller({ version })`;
 * - its instances' `constructor` is the view class, so `context.getClass()` gives the view, as
 *   guards that read `Reflector` metadata expect.
 * The view class itself is not changed.
 *
 * `host` is `@ClassView()`'s option, which Nest matches as `@Controller({ host })`'s.
 *
 * Hidden from Swagger: {@link createDocsController} documents the route instead.
 */
export function createRouteController(viewClass: ViewClass, host?: ClassViewOptions['host']): { controller: Function; instance: object } {
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
 * Route `controller`'s handler at `paths` (as `@All()` takes them), serving every request
 * with `serve`. Called before Nest registers routes, for each app.
 */
export function routeTo(controller: Function, paths: string[], serve: ServeRequest): void {
  const descriptor: PropertyDescriptor = {
    value: function classViewRoute(request: unknown, body: unknown) {
      return serve(request, body);
    },
    configurable: true,
    writable: true,
  };
  All(paths)(controller.prototype, CLASS_VIEW_ROUTE_HANDLER, descriptor);
  Object.defineProperty(controller.prototype, CLASS_VIEW_ROUTE_HANDLER, descriptor);
}

// What Nest passes a route's handler, read from the class its instance names as its
// `constructor` (the view class), and so written once, on `View`: the request, then the body
// after the app's pipes, as a controller's `@Body()` would get it.
const routeArgsHost = { constructor: View };
Req()(routeArgsHost, CLASS_VIEW_ROUTE_HANDLER, 0);
Body()(routeArgsHost, CLASS_VIEW_ROUTE_HANDLER, 1);
