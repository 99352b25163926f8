import { MESSAGES } from '../class-views.messages.js';
import type { CsrfProtection } from '../csrf/csrf-protection.js';
import { Http404 } from '../exceptions/http404.exception.js';
import { HttpResponse } from '../http/http-response.js';
import { HttpResponsePermanentRedirect } from '../http/http-response-redirect.js';
import { checkParsedFieldCount, DEFAULT_MAX_NUMBER_FIELDS } from '../http/field-limit.js';
import type { RequestServices } from '../http/request-services.js';
import { ViewRequest } from '../http/view-request.js';
import type { RoutePattern } from '../urls/route-pattern.js';
import { getViewContext } from '../app-context/view-context.js';
import { slashedLocation } from '../urls/append-slash.js';
import type { View, ViewResult } from '../views/view.js';
import { codedError } from '../utils/coded-message.js';

const NO_ARGS: readonly unknown[] = Object.freeze([]);

/** The platform request fields a route reads; Express and Fastify requests both have them. */
interface PlatformRequest {
  method: string;
  url: string;
  originalUrl?: string;
  params?: Record<string, unknown>;
  /** Fastify's: the Node request, whose `url` and `originalUrl` Fastify's getters read. */
  raw?: { url: string; originalUrl?: string };
}

/**
 * One served route: turns a platform request into Django's pipeline. Runs on every
 * request, so it does only what Django does: check the path, convert the captures,
 * make the per-request view object, `setup()`, `dispatch()`.
 */
export class ClassViewRoute {
  /**
   * Makes the fresh view object of each request: `new` of a plain constructor is cheaper than
   * `Object.create()`. The fields `setup()` sets are made with the object (`undefined` until then:
   * the check for a `setup()` without `super` reads it), so that setting them adds no property,
   * unless a class of the view defines one of them as an accessor, which must run as before.
   */
  private readonly RequestView: new () => View;
  /** The CSRF check of the app serving the route. */
  private readonly csrf: CsrfProtection;
  /**
   * What every request of the route is lent: the CSRF check and, when messages are on, their
   * configuration (Django's `MessageMiddleware`). The same object for every request.
   */
  private readonly services: RequestServices;

  /**
   * `routeView` is the prototype of every request's view: the provider, the `asView()` overrides
   * and the app's context (where the route finds its CSRF check).
   */
  constructor(
    readonly pattern: RoutePattern,
    readonly viewName: string,
    routeView: View,
    private readonly appendSlash: boolean,
    private readonly platform: 'express' | 'fastify',
    /** The `dataUploadMaxNumberFields` option, `Infinity` for no limit. */
    private readonly maxNumberFields: number = DEFAULT_MAX_NUMBER_FIELDS,
  ) {
    const RequestView = (SETUP_FIELDS.some((name) => isAccessor(routeView, name))
      ? function RequestView() {}
      : function RequestView(this: View) {
          this.request = undefined!;
          this.args = undefined!;
          this.kwargs = undefined!;
        }) as unknown as new () => View;
    RequestView.prototype = routeView;
    this.RequestView = RequestView;
    const { csrf, messages } = getViewContext(routeView);
    this.csrf = csrf;
    this.services = { csrf, messages: messages?.config ?? undefined };
  }

  /**
   * Serve `req` with a fresh view; `body` is the request body after the app's pipes, or
   * `undefined` when no pipe runs on it: the view then reads the request's own.
   */
  handle(req: PlatformRequest, body?: unknown): ViewResult {
    let url = this.platform === 'fastify' ? fastifyUrl(req) : (req.originalUrl ?? req.url);
    // An absolute-form target (`GET http://host/path`) is routed by its path: keep only that.
    if (url.charCodeAt(0) !== 47 /* '/' */) url = originForm(url);
    const query = url.indexOf('?');
    const end = query < 0 ? url.length : query;
    const endsWithSlash = url.charCodeAt(end - 1) === 47; /* '/' */
    // A route ending with a `path` converter takes a trailing slash into the value.
    if (endsWithSlash !== this.pattern.endsWithSlash && !this.pattern.endsWithPath) return this.slashMismatch(req, url);

    const kwargs = this.pattern.convert(req.params);
    if (kwargs === null) throw new Http404(MESSAGES.routeNotFound(req.method, url));

    // Django's DATA_UPLOAD_MAX_NUMBER_FIELDS for form bodies (the query string is checked when read).
    // Fastify's urlencoded bodies were counted as they streamed in (fastify-field-limit.ts).
    const rawBody = (req as { body?: unknown }).body;
    if (typeof rawBody === 'object' && rawBody !== null) {
      const form = formBodyOf(req);
      if (form === 'multipart' || (form === 'urlencoded' && this.platform === 'express'))
        checkParsedFieldCount(rawBody, this.maxNumberFields);
    }
    const request = new ViewRequest(req, req.method, url, body, this.maxNumberFields, this.services);
    const view = new this.RequestView();
    view.setup(request, NO_ARGS, kwargs);
    if (view.request === undefined) throw codedError(Error, MESSAGES.setupWithoutSuper(this.viewName));
    // CSRF (src/csrf): throws CsrfFailure (403) for an unsafe request without a valid token,
    // before dispatch(), so that no view can skip it by overriding dispatch().
    this.csrf.protect(view, request);
    const result = view.dispatch(request, NO_ARGS, kwargs);
    if (result instanceof HttpResponse) return result;
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).then((value) => this.checkResponse(value));
    }
    return this.checkResponse(result);
  }

  /**
   * Django's APPEND_SLASH: `/about` → 301 `/about/` for GET and HEAD when the slashed
   * path would be served; otherwise there is no such page.
   */
  private slashMismatch(req: PlatformRequest, url: string): HttpResponse {
    const method = req.method;
    const redirects = this.pattern.endsWithSlash && this.appendSlash && (method === 'GET' || method === 'HEAD');
    if (redirects && this.pattern.convert(req.params) !== null)
      return new HttpResponsePermanentRedirect(slashedLocation(url));
    throw new Http404(MESSAGES.routeNotFound(method, url));
  }

  private checkResponse(value: unknown): HttpResponse {
    if (value instanceof HttpResponse) return value;
    const got =
      value === undefined
        ? 'undefined'
        : value === null
          ? 'null'
          : `a ${(value as object).constructor?.name ?? typeof value}`;
    throw codedError(Error, MESSAGES.notAResponse(this.viewName, got));
  }
}

/** Which form the request's body is (urlencoded or multipart, whose fields Django counts), if any. */
function formBodyOf(req: PlatformRequest): 'urlencoded' | 'multipart' | undefined {
  const type = (req as { headers?: Record<string, unknown> }).headers?.['content-type'];
  if (typeof type !== 'string') return undefined;
  // The usual spelling needs no lower-cased copy.
  if (type.startsWith('application/x-www-form-urlencoded')) return 'urlencoded';
  if (type.startsWith('multipart/form-data')) return 'multipart';
  const lower = type.trimStart().toLowerCase();
  if (lower.startsWith('application/x-www-form-urlencoded')) return 'urlencoded';
  return lower.startsWith('multipart/form-data') ? 'multipart' : undefined;
}

/** The fields `View.setup()` sets on every request's view. */
const SETUP_FIELDS = ['request', 'args', 'kwargs'] as const;

/** Whether `name` is a getter or setter somewhere on `object`'s prototype chain. */
function isAccessor(object: object, name: string): boolean {
  for (let target: object | null = object; target !== null; target = Object.getPrototypeOf(target)) {
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    if (descriptor) return descriptor.get !== undefined || descriptor.set !== undefined;
  }
  return false;
}

/**
 * What Fastify's `request.originalUrl` gives: the URL before `rewriteUrl` (or, once Nest's
 * middleware has run, after it, as `@fastify/middie` stores it), read from the Node request.
 * The getter would store it on Fastify's request, one more property on every request.
 */
function fastifyUrl(req: PlatformRequest): string {
  const raw = req.raw!;
  return raw.originalUrl || raw.url;
}

/** The path and query of an absolute URL, or a 404 when it is not one. */
function originForm(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    throw new Http404(MESSAGES.urlNotHandled(url));
  }
}
