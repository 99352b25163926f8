import { Logger } from '@nestjs/common';
import { HTTP_METHOD_NAMES } from '../class-views.constants.js';
import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { HttpResponse, HttpResponseNotAllowed } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { escapeForLog } from '../http/escape-for-log.js';
import { codedError } from '../utils/coded-message.js';

/** An HTTP method a view may handle, lower-cased as Django names its handlers. */
export type HttpMethodName = (typeof HTTP_METHOD_NAMES)[number];

/** The URL captures a view receives, converted by their path converters (`<int:pk>` → number). */
export type Kwargs = Record<string, any>;

/** What a handler returns: a response, or a promise of one for `async` handlers. */
export type ViewResult = HttpResponse | Promise<HttpResponse>;

/**
 * The attributes `asView()` may override: data attributes, not methods nor per-request state.
 * `fields` takes any list of the model's property names (`T` of the view's `object: T | null`),
 * not only the exact `as const` list the class wrote.
 */
export type ViewInitKwargs<V> = Partial<{
  [K in keyof V as K extends HttpMethodName | 'request' | 'args' | 'kwargs'
    ? never
    : V[K] extends (...args: any[]) => any
      ? never
      : K]: K extends 'fields'
    ? V extends {
        /** The view's object, typed `T | null`: `T` is the model whose names `fields` lists. */
        object: infer O;
      }
      ? readonly (unknown extends O ? string : keyof NonNullable<O> & string)[] | '__all__' | null
      : V[K]
    : K extends NullableAttribute
      ? V[K] | null
      : V[K];
}>;

/**
 * The generic views' attributes whose default is `null`: `asView()` may set them back to
 * `null` even where a subclass narrowed the type (`model = Book`), as Django users reset
 * `model=None, queryset=None`.
 */
type NullableAttribute =
  | 'contentType'
  | 'contextObjectName'
  | 'dateField'
  | 'day'
  | 'extraContext'
  | 'htmxTemplateName'
  | 'loginUrl'
  | 'model'
  | 'month'
  | 'ordering'
  | 'paginateBy'
  | 'patternName'
  | 'permissionRequired'
  | 'queryset'
  | 'redirectFieldName'
  | 'templateEngine'
  | 'templateName'
  | 'templateNameField'
  | 'url'
  | 'usesDatetimeField'
  | 'week'
  | 'year';

/** A view class, as `@ClassView()` and `path()` take it. */
export type ViewClass<V extends View = View> = (abstract new (...args: any[]) => V) & Omit<typeof View, 'prototype'>;

/** A view class bound to attribute overrides: what `View.asView()` returns and `path()` takes. */
export interface ViewRoute<V extends View = View> {
  /** The class that serves the route. */
  readonly viewClass: ViewClass<V>;
  /** The attributes that override the class's for this route only. */
  readonly initkwargs: Readonly<Kwargs>;
}

const logger = new Logger('ClassViews');

/** The handler name of each method Django names one for: `dispatch()` skips lower-casing them. */
const HANDLER_NAMES: Readonly<Record<string, string | undefined>> = Object.assign(
  Object.create(null) as Record<string, string>,
  Object.fromEntries(HTTP_METHOD_NAMES.map((name) => [name.toUpperCase(), name])),
);

/**
 * Django's `View`: the base of every class view. Each request gets its own view object
 * (whose prototype is the Nest provider, so injected dependencies are shared), goes
 * through `setup()` and `dispatch()`, and reaches the handler named after its method
 * (`get`, `post`, …) or a 405.
 *
 * @example
 * @ClassView('hello/', { name: 'hello' })
 * export class HelloView extends View {
 *   get(request: ViewRequest) {
 *     return new HttpResponse('Hello');
 *   }
 * }
 */
export class View {
  /** The methods this view may answer, in the order of the `Allow` header. */
  httpMethodNames: readonly string[] = HTTP_METHOD_NAMES;

  /**
   * Skip the CSRF check for this view's unsafe methods (Django's `@csrf_exempt`): for API
   * clients that authenticate otherwise (a bearer token, not a cookie). Default `false`.
   */
  csrfExempt = false;

  /** The current request, set by `setup()`. */
  request!: ViewRequest;
  /** Positional URL captures, set by `setup()` (always empty with `path()` routes). */
  args!: readonly unknown[];
  /** Keyword URL captures, converted (`<int:pk>` gives a number), set by `setup()`. */
  kwargs!: Kwargs;

  /** Handle GET (and HEAD, when there is no `head()`). */
  get?(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult;
  /** Handle POST. */
  post?(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult;
  /** Handle PUT. */
  put?(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult;
  /** Handle PATCH. */
  patch?(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult;
  /** Handle DELETE. */
  delete?(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult;
  /** Handle HEAD; by default a view with `get()` answers HEAD with it. */
  head?(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult;
  /** Handle TRACE (no view answers it unless it defines this). */
  trace?(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult;

  /**
   * Bind this class to attribute overrides for one route, Django's `as_view()`.
   * A key that is an HTTP method name is refused here; a key that is not an attribute
   * of the class is refused at start-up, both with Django's `TypeError`.
   *
   * @example
   * path('about/', TemplateView.asView({ templateName: 'about.html' }))
   */
  static asView<T extends ViewClass>(
    this: T,
    initkwargs: ViewInitKwargs<InstanceType<T>> = {},
  ): ViewRoute<InstanceType<T>> {
    for (const key of Object.keys(initkwargs)) {
      if ((HTTP_METHOD_NAMES as readonly string[]).includes(key)) {
        throw codedError(TypeError, MESSAGES.asViewMethodName(key, this.name));
      }
    }
    View.checkHandlers.call(this);
    return { viewClass: this as ViewClass<InstanceType<T>>, initkwargs: Object.freeze({ ...initkwargs }) };
  }

  /**
   * Whether the handlers are `async` (Django's `view_is_async`). Throws
   * `ImproperlyConfigured` when they mix sync and async; `options` is not counted.
   */
  static get viewIsAsync(): boolean {
    return View.checkHandlers.call(this);
  }

  /** Check the handlers named in `methodNames` are all sync or all async; return which. */
  static checkHandlers(this: Function, methodNames: readonly string[] = HTTP_METHOD_NAMES): boolean {
    const prototype = this.prototype as Record<string, unknown>;
    let first: boolean | undefined;
    for (const name of methodNames) {
      const handler = name === 'options' ? undefined : prototype[name];
      if (typeof handler !== 'function') continue;
      const isAsync = isAsyncFunction(handler);
      if (first === undefined) first = isAsync;
      else if (isAsync !== first) throw new ImproperlyConfigured(MESSAGES.mixedHandlers(this.name));
    }
    return first ?? false;
  }

  /**
   * Check the view's configuration once, at start-up (Django's system checks): throw
   * `ImproperlyConfigured` naming the fix. Called on each route's view, its `asView()`
   * overrides applied and its application's context set; overrides call `super`.
   */
  checkConfiguration(): void {}

  /**
   * Check the view against one of its routes once, at start-up: `kwargNames` are the names
   * `route` captures (`<int:pk>` gives `pk`). Throw `ImproperlyConfigured` naming the
   * class and the fix for what the route alone decides (a detail view without `pk` nor
   * `slug`), so that no request finds it; overrides call `super`.
   */
  checkRoute(_kwargNames: ReadonlySet<string>, _route: string): void {}

  /** Store the request state every handler reads; HEAD falls back to GET here. */
  setup(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): void {
    if (typeof this.get === 'function' && typeof this.head !== 'function') this.head = this.get;
    this.request = request;
    this.args = args;
    this.kwargs = kwargs;
  }

  /**
   * Whether this request skips the CSRF check; `csrfExempt` by default. Runs after
   * `setup()` (so `this.request` is set) and before `dispatch()`.
   */
  getCsrfExempt(): boolean {
    return this.csrfExempt;
  }

  /** Call the handler named after the request's method, or `httpMethodNotAllowed()`. */
  dispatch(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult {
    const method = HANDLER_NAMES[request.method] ?? request.method.toLowerCase();
    if (this.httpMethodNames.includes(method)) {
      const handler = (this as unknown as Record<string, unknown>)[method];
      if (typeof handler === 'function') return handler.call(this, request, args, kwargs);
    }
    return this.httpMethodNotAllowed(request, args, kwargs);
  }

  /** Answer 405 with the allowed methods in `Allow`, and log a warning as Django does. */
  httpMethodNotAllowed(request: ViewRequest, _args: readonly unknown[], _kwargs: Kwargs): ViewResult {
    logger.warn(`Method Not Allowed (${request.method}): ${escapeForLog(request.path)}`);
    return new HttpResponseNotAllowed(this.allowedMethods());
  }

  /** Answer OPTIONS: 200, `Allow` and `Content-Length: 0`. */
  options(_request: ViewRequest, _args: readonly unknown[], _kwargs: Kwargs): ViewResult {
    return new HttpResponse('', { headers: { Allow: this.allowedMethods().join(', '), 'Content-Length': '0' } });
  }

  /** The methods this view answers, upper-cased, in `httpMethodNames` order. */
  allowedMethods(): string[] {
    const self = this as unknown as Record<string, unknown>;
    return this.httpMethodNames.filter((name) => typeof self[name] === 'function').map((name) => name.toUpperCase());
  }
}

function isAsyncFunction(fn: Function): boolean {
  const kind = fn.constructor?.name;
  return kind === 'AsyncFunction' || kind === 'AsyncGeneratorFunction';
}
