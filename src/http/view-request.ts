import type { IncomingHttpHeaders } from 'node:http';
import { DEFAULT_MAX_NUMBER_FIELDS } from './field-limit.js';
import { htmxDetailsOf, type HtmxDetails } from './htmx.js';
import { QueryDict } from './query-dict.js';
import type { RequestServices } from './request-services.js';

/**
 * The request a view sees, the same on Express and Fastify (Django's `HttpRequest`).
 * Everything is read lazily from the platform request, which stays available as `raw`.
 */
export class ViewRequest<TRaw = any> {
  private cachedQuery?: QueryDict;
  private cachedPath?: string;

  constructor(
    /** The platform request (Express `Request` or Fastify `FastifyRequest`). */
    readonly raw: TRaw,
    /** The HTTP method, upper-cased (`GET`, `POST`, …). */
    readonly method: string,
    private readonly url: string,
    private readonly parsedBody: unknown = (raw as { body?: unknown }).body,
    /** The most query fields `query` parses (the `dataUploadMaxNumberFields` option). */
    private readonly maxNumberFields: number = DEFAULT_MAX_NUMBER_FIELDS,
    /**
     * What the app serving the request lends it (its CSRF check, its messages), which
     * `getToken()` and the messages API make the request's state from on first use;
     * `undefined` outside a class view's request.
     * @internal
     */
    readonly services: RequestServices | undefined = undefined,
  ) {}

  /** The URL path, percent-decoded (`/books/7/`), like Django's `request.path`. */
  get path(): string {
    if (this.cachedPath === undefined) {
      const raw = this.rawPath;
      try {
        this.cachedPath = decodeURIComponent(raw);
      } catch {
        this.cachedPath = raw;
      }
    }
    return this.cachedPath;
  }

  /** The URL path exactly as the client sent it. */
  get rawPath(): string {
    const q = this.url.indexOf('?');
    return q < 0 ? this.url : this.url.slice(0, q);
  }

  /** The raw query string, without `?` and not decoded (Django's `META['QUERY_STRING']`). */
  get queryString(): string {
    const q = this.url.indexOf('?');
    return q < 0 ? '' : this.url.slice(q + 1);
  }

  /**
   * The query string as a `QueryDict` (Django's `request.GET`): repeated keys kept. Parsed
   * when first read, as in Django.
   * @throws TooManyFieldsSent (400) when it has more fields than `dataUploadMaxNumberFields`.
   */
  get query(): QueryDict {
    return (this.cachedQuery ??= QueryDict.parse(this.queryString, this.maxNumberFields));
  }

  /** The path with its query string, as sent (Django's `get_full_path()`). */
  getFullPath(): string {
    return this.url;
  }

  /**
   * What htmx says about the request (`HX-Request` and the other `HX-*` headers), or `null`
   * when htmx did not send it (django-htmx's `request.htmx`).
   */
  get htmx(): HtmxDetails | null {
    return htmxDetailsOf(this.headers);
  }

  /** The request headers, names lower-cased. */
  get headers(): IncomingHttpHeaders {
    return (this.raw as { headers: IncomingHttpHeaders }).headers;
  }

  /** One header's value (case-insensitive name); repeated headers are joined with `, `. */
  header(name: string): string | undefined {
    const value = this.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /**
   * The body as parsed by Nest's body parsers (JSON or urlencoded) and passed through
   * the app's pipes, or `undefined`.
   */
  get body(): unknown {
    return this.parsedBody;
  }

  /** The user a guard or middleware attached to the platform request (`request.user`). */
  get user(): unknown {
    return (this.raw as { user?: unknown }).user;
  }

  /** Whether the request came over HTTPS (Django's `is_secure()`). */
  isSecure(): boolean {
    const raw = this.raw as { protocol?: string; socket?: { encrypted?: boolean } };
    return raw.protocol === 'https' || raw.socket?.encrypted === true;
  }

  /**
   * The host and port the request was made to (Django's `get_host()`): the platform's
   * (which trusts `X-Forwarded-Host` only when the app trusts its proxy), else `Host`.
   */
  getHost(): string | undefined {
    const host = (this.raw as { host?: unknown }).host;
    return typeof host === 'string' && host !== '' ? host : this.header('host');
  }

  /** Read anything else middleware or guards attached to the platform request. */
  get<T = unknown>(attribute: string): T | undefined {
    return (this.raw as Record<string, T>)[attribute];
  }
}
