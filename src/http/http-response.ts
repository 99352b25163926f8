import { HeaderValue, ResponseHeaders } from './response-headers.js';
import type { ViewRequest } from './view-request.js';

/** What an `HttpResponse` may be built with. */
export interface HttpResponseInit {
  /** The status code. Default `200`. */
  status?: number;
  /** Headers to send, by name. */
  headers?: Record<string, HeaderValue | number>;
  /** The `Content-Type`, sent verbatim. Default `text/html; charset=utf-8`, as Django's. */
  contentType?: string;
}

/** What renders templates for responses that render late (the app's `TemplateEngines`). */
export interface TemplateRenderer {
  /** The rendered text, or a promise of it. */
  render(templateNames: readonly string[], context: Record<string, unknown>, request?: ViewRequest, using?: string | null): string | Promise<string>;
}

const instancePrototypes = new WeakMap<Function, object>();
let lastClass: Function | undefined;
let lastPrototype: object = Object.prototype;

/**
 * The prototype of the responses a class makes: an object that inherits the class's
 * `prototype` and has no `constructor` of its own, made once per class.
 *
 * Why: Nest passes every route result through `isPlainObject()`, which, for an object
 * whose prototype has its own `constructor`, compares that function's source text with
 * `Object`'s through `Function.prototype.toString`. For a class that costs about 0.4 µs
 * per response, about 5 % of the CPU of a small Fastify request (measured, see
 * `bench/README.md`). With this prototype the check stops at its first step. Nothing else
 * changes: `instanceof`, `response.constructor` (inherited from the class's prototype),
 * methods, accessors and subclasses, their fields included, behave as for any class.
 */
function instancePrototype(target: Function): object {
  // The last class asked for answers without a weak-map lookup (most responses of an app are of
  // one class); that one class stays referenced.
  if (target === lastClass) return lastPrototype;
  let prototype = instancePrototypes.get(target);
  if (prototype === undefined) {
    prototype = Object.create(target.prototype as object) as object;
    instancePrototypes.set(target, prototype);
  }
  lastClass = target;
  lastPrototype = prototype;
  return prototype;
}

/** The `Content-Type` a response gets when none is given (Django's `DEFAULT_CONTENT_TYPE`). */
export const DEFAULT_CONTENT_TYPE = 'text/html; charset=utf-8';

/**
 * Django's `HttpResponse`: a status, headers and a body, written by the library through
 * Nest's HTTP adapter, so the same view answers on Express and Fastify. Interceptors see
 * this object and may change it before it is written.
 *
 * @example
 * return new HttpResponse('Hello', { headers: { 'Cache-Control': 'no-store' } });
 */
export class HttpResponse {
  /** The status code. */
  status!: number;
  /** The headers; `Content-Type` is always set. */
  readonly headers!: ResponseHeaders;
  /** The body. `null` or `undefined` at construction is stored as an empty string. */
  content!: string | Buffer;

  constructor(content?: string | Buffer | null, init?: HttpResponseInit) {
    // The response is a fresh object of the class being constructed (subclasses included)
    // whose prototype has no `constructor` of its own: see `instancePrototype()`.
    const self = Object.create(instancePrototype(new.target)) as this;
    self.status = init?.status ?? 200;
    self.content = content ?? '';
    // Built on every request: the common case (no options) sets one header, directly.
    const headers = new ResponseHeaders(init?.headers);
    const contentType = init?.contentType;
    if (contentType !== undefined) headers.setContentType(contentType);
    else if (headers.contentType === undefined) headers.setContentType(DEFAULT_CONTENT_TYPE, true);
    (self as { headers: ResponseHeaders }).headers = headers;
    return self;
  }

  /** Django's name for `status`. */
  get statusCode(): number {
    return this.status;
  }

  set statusCode(code: number) {
    this.status = code;
  }

  /** The body as text (UTF-8). */
  get text(): string {
    return typeof this.content === 'string' ? this.content : this.content.toString('utf8');
  }

  /**
   * Called by the library just before the response is written, after every
   * interceptor; `TemplateResponse` renders its template here. Does nothing by default.
   */
  prepare(_renderer: TemplateRenderer): void | Promise<unknown> {}

  /** Set a header; returns the response for chaining. */
  setHeader(name: string, value: HeaderValue | number): this {
    this.headers.set(name, value);
    return this;
  }
}

/** 405 with an `Allow` header listing `permittedMethods` and an empty body. */
export class HttpResponseNotAllowed extends HttpResponse {
  constructor(permittedMethods: readonly string[], init: HttpResponseInit = {}) {
    super('', { ...init, status: 405 });
    this.headers.set('Allow', permittedMethods.join(', '));
  }
}

/** 410 Gone. */
export class HttpResponseGone extends HttpResponse {
  constructor(content?: string | Buffer | null, init: HttpResponseInit = {}) {
    super(content, { ...init, status: 410 });
  }
}

/** 304 Not Modified, never with a body. */
export class HttpResponseNotModified extends HttpResponse {
  constructor(init: HttpResponseInit = {}) {
    super('', { ...init, status: 304 });
    this.headers.delete('Content-Type');
  }
}

/** 400 Bad Request. */
export class HttpResponseBadRequest extends HttpResponse {
  constructor(content?: string | Buffer | null, init: HttpResponseInit = {}) {
    super(content, { ...init, status: 400 });
  }
}

/** 403 Forbidden. */
export class HttpResponseForbidden extends HttpResponse {
  constructor(content?: string | Buffer | null, init: HttpResponseInit = {}) {
    super(content, { ...init, status: 403 });
  }
}

/** 404 Not Found, as a response (throw `Http404` to go through exception filters instead). */
export class HttpResponseNotFound extends HttpResponse {
  constructor(content?: string | Buffer | null, init: HttpResponseInit = {}) {
    super(content, { ...init, status: 404 });
  }
}
