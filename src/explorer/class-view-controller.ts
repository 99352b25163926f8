import { Scope } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { STATIC_CONTEXT } from '@nestjs/core/injector/constants.js';
import { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper.js';
import type { Module } from '@nestjs/core/injector/module.js';
import { CLASS_VIEW_ROUTE_HANDLER } from '../class-views.constants.js';
import type { RoutePattern } from '../urls/route-pattern.js';
import type { ViewClass } from '../views/view.js';
import { addDocumentedHandlers } from './class-view-docs.js';

/**
 * The controller entry one served route has in its module, in two roles:
 *
 * - From {@link route} to {@link document}, while Nest registers routes, the routing
 *   controller: its instance has one handler (the route's `@All()`), and the view class
 *   as its constructor, so Nest reads class-level guards, interceptors, pipes and filters
 *   there and `getClass()` gives it.
 * - The rest of the time, the documentation controller for `@nestjs/swagger`: one method
 *   per handler the view defines (see `class-view-docs`). Its methods are added when
 *   something first reads the class, as Swagger does when it builds a document; Nest's lifecycle
 *   hooks, which read only the instance, find a plain object.
 *
 * One entry for both roles keeps start-up to one `InstanceWrapper` per route.
 */
export class ClassViewController {
  readonly wrapper: InstanceWrapper;
  /**
   * The class Nest reads a controller's path, host and version from: named after the
   * view, with the controller path `/` (the handler carries the whole path), and the view
   * class as its parent, so a `@Version()` or `@Host()` on the view applies. The view
   * class itself is not changed: `forRoutes(SomeView)` still fails in Nest, as for any
   * class that is not a controller.
   */
  private readonly metatype: Function;
  /** The wrapper's record of its instance, switched between the two roles. */
  private readonly record: { instance: object };
  private readonly docsInstance: object = {};
  private documented = false;
  private routing = false;

  constructor(
    private readonly viewClass: ViewClass,
    private readonly pattern: RoutePattern,
    host: Module,
    /** How many routes of the same view class came before this one (see `class-view-docs`). */
    private readonly alias = 0,
  ) {
    const name = viewClass.name;
    const metatype = { [name]: function () {} }[name]!;
    Object.setPrototypeOf(metatype, viewClass);
    Reflect.defineMetadata(PATH_METADATA, '/', metatype);
    this.metatype = metatype;
    this.wrapper = new InstanceWrapper({
      // Keyed by its class, as Nest keys any controller.
      token: metatype,
      name,
      instance: this.docsInstance,
      isResolved: true,
      scope: Scope.DEFAULT,
      host,
    });
    this.record = this.wrapper.getInstanceByContextId(STATIC_CONTEXT) as { instance: object };
    Object.defineProperty(this.wrapper, 'metatype', {
      configurable: true,
      enumerable: true,
      get: () => (this.routing ? this.metatype : this.documentation()),
    });
  }

  /** Serve `handler` (an `@All(path)` function) until {@link document}. */
  route(handler: Function): void {
    this.routing = true;
    this.record.instance = Object.create({ [CLASS_VIEW_ROUTE_HANDLER]: handler, constructor: this.viewClass });
  }

  /** Back to the documentation role, once Nest has registered the route. */
  document(): void {
    this.routing = false;
    this.record.instance = this.docsInstance;
  }

  private documentation(): Function {
    if (!this.documented) {
      this.documented = true;
      addDocumentedHandlers(this.metatype.prototype, this.viewClass, this.pattern, this.alias);
      Object.setPrototypeOf(this.docsInstance, this.metatype.prototype);
    }
    return this.metatype;
  }
}
