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
  render(
    templateNames: readonly string[],
    context: Record<string, unknown>,
    request?: ViewRequest,
    using?: string | null,
  ): string | Promise<string>;
}

/** Makes the objects of one response class, with the fields every response has. */
type ResponseMaker = new (status: number, content: string | Buffer, headers: ResponseHeaders) => HttpResponse;

const makers = new WeakMap<Function, ResponseMaker>();
let lastClass: Function | undefined;
let lastMaker: ResponseMaker | undefined;

/**
 * What makes the responses of a class: a plain constructor, made once per class, whose
 * `prototype` inherits the class's `prototype`, has no `constructor` of its own, and answers
 * `then` with `undefined`.
 *
 * Why (the figures are in bench/README.md, "Measurements behind the code"):
 * - Nest passes every route result through `isPlainObject()`, which, for an object whose
 *   prototype has its own `constructor`, compares that function's source text with
 *   `Object`'s through `Function.prototype.toString`, for every response. With this
 *   prototype the check stops at its first step.
 * - Each promise a response passes through on its way to the writer (four in Nest's route
 *   handler) asks it for `then`, through V8's generic lookup, which would walk the whole
 *   prototype chain to `Object.prototype`; here it stops one step up. A class that defines
 *   `then` keeps it (a `then` added to the class's prototype after its first response does not:
 *   this is decided once per class).
 * - `new` of a plain constructor that sets the fields is a cheaper allocation than
 *   `Object.create()`, with the fields in the object.
 * Nothing else changes: `instanceof`, `response.constructor` (inherited from the class's
 * prototype), methods, accessors and subclasses, their fields included, behave as for any class.
 */
function responseMaker(target: Function): ResponseMaker {
  // The last class asked for answers without a weak-map lookup (most responses of an app are of
  // one class); that one class stays referenced.
  if (target === lastClass) return lastMaker!;
  let maker = makers.get(target);
  if (maker === undefined) {
    const prototype = Object.create(target.prototype as object) as object;
    if (!('then' in prototype))
      Object.defineProperty(prototype, 'then', { value: undefined, writable: true, configurable: true });
    maker = function ResponseObject(
      this: Record<string, unknown>,
      status: number,
      content: string | Buffer,
      headers: ResponseHeaders,
    ) {
      this.status = status;
      this.content = content;
      this.headers = headers;
    } as unknown as ResponseMaker;
    maker.prototype = prototype as HttpResponse;
    makers.set(target, maker);
  }
  lastClass = target;
  lastMaker = maker;
  return maker;
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
    // whose prototype has no `constructor` of its own: see `responseMaker()`.
    // Built on every request: the common case (no options) sets one header, directly.
    const headers = new ResponseHeaders(init?.headers);
    const contentType = init?.contentType;
    if (contentType !== undefined) headers.setContentType(contentType);
    else if (headers.contentType === undefined) headers.setContentType(DEFAULT_CONTENT_TYPE, true);
    const Make = responseMaker(new.target);
    // biome-ignore lint/correctness/noConstructorReturn: the instance is made by responseMaker() for the class being constructed
    return new Make(init?.status ?? 200, content ?? '', headers) as this;
  }

  /** Django's name for `status`. */
  get statusCode(): number {
    return this.status;
  }

  /** Set `status` by Django's name. */
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
