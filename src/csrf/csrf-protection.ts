import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { CLASS_VIEWS_MODULE_OPTIONS } from '../class-views.module-definition.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { escapeForLog } from '../http/escape-for-log.js';
import type { HttpResponse } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import type { ClassViewsModuleOptions } from '../interfaces/class-views-module-options.interface.js';
import { appendSetCookie, type CookieAttributes, patchVary, readCookie, serializeCookie } from './csrf-cookie.js';
import { CsrfFailure } from './csrf-failure.exception.js';
import { maskSecret, randomString, secretOf, tokenFormatError, tokenMatches } from './csrf-token.js';
import { CSRF_MESSAGES } from './csrf.messages.js';
import { csrfStateOf, type CsrfState, needCookie } from './csrf-state.js';
import { TrustedOrigins } from './trusted-origins.js';
import { MESSAGES } from '../class-views.messages.js';

/** Whether `method` must not change anything, so needs no token (RFC 9110 "safe", Django's list). */
function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || method === 'TRACE';
}

const NAME = /^[A-Za-z0-9_-]+$/;
const COOKIE_ATTRIBUTE = /^[!#-+\--:<-~]+$/; // visible ASCII but `,` `;` and `"`

const logger = new Logger('ClassViews');

/**
 * CSRF protection for every class view, the same on Express and Fastify (Django's
 * `CsrfViewMiddleware`). A masked double-submit token: the `csrftoken` cookie holds a
 * random secret; pages carry a token that is that secret masked with a fresh random
 * mask; an unsafe request must send both and the token must unmask to the cookie's
 * secret. Nothing is kept on the server, so any number of processes agree with no
 * shared state or key. Unsafe requests from browsers are also checked against their
 * `Origin` (or, without it, `Sec-Fetch-Site`, and on HTTPS the `Referer`), which
 * stops a sibling subdomain that could plant its own cookie.
 */
@Injectable()
export class CsrfProtection {
  /** The cookie holding the secret. */
  readonly cookieName: string;
  /** The header a script sends the token in, as configured (`X-CSRFToken`). */
  readonly headerName: string;
  /** The form field a POST sends the token in. */
  readonly fieldName: string;
  /** Whether unsafe requests are checked (`csrf.enabled`, default true). */
  readonly enabled: boolean;
  private readonly headerKey: string;
  private readonly cookie: CookieAttributes;
  private readonly origins: TrustedOrigins;

  constructor(@Optional() @Inject(CLASS_VIEWS_MODULE_OPTIONS) options: ClassViewsModuleOptions = {}) {
    const csrf = options.csrf ?? {};
    this.enabled = csrf.enabled ?? true;
    if (typeof this.enabled !== 'boolean')
      throw new ImproperlyConfigured(MESSAGES.csrfBadAttribute('enabled', String(this.enabled)));
    if (!this.enabled) logger.warn(MESSAGES.csrfDisabled().message);
    this.cookieName = checked('cookieName', csrf.cookieName ?? 'csrftoken', NAME);
    this.headerName = checked('headerName', csrf.headerName ?? 'X-CSRFToken', NAME);
    this.fieldName = checked('fieldName', csrf.fieldName ?? 'csrfmiddlewaretoken', NAME);
    this.headerKey = this.headerName.toLowerCase();
    const maxAge = csrf.cookieAge === undefined ? 31449600 : csrf.cookieAge;
    if (maxAge !== null && !(Number.isSafeInteger(maxAge) && maxAge >= 0)) {
      throw new ImproperlyConfigured(MESSAGES.csrfBadAttribute('cookieAge', String(maxAge)));
    }
    this.cookie = {
      maxAge,
      domain: csrf.cookieDomain ? checked('cookieDomain', csrf.cookieDomain, COOKIE_ATTRIBUTE) : null,
      path: checked('cookiePath', csrf.cookiePath ?? '/', COOKIE_ATTRIBUTE),
      secure: csrf.cookieSecure ?? false,
      httpOnly: csrf.cookieHttpOnly ?? false,
      sameSite: csrf.cookieSameSite ?? 'Lax',
    };
    if (this.cookie.sameSite === 'None' && !this.cookie.secure)
      throw new ImproperlyConfigured(MESSAGES.csrfSameSiteNoneInsecure());
    this.origins = new TrustedOrigins(csrf.trustedOrigins);
  }

  /**
   * For an unsafe method of a view that is not exempt, unless the protection is off
   * (`csrf.enabled: false`), throw `CsrfFailure` unless the request passes the checks. Called
   * for every class view request, after `setup()` and before `dispatch()`; a safe request is
   * left untouched (its CSRF state is made only if the page reads a token).
   */
  protect(view: { getCsrfExempt(): boolean }, request: ViewRequest): void {
    if (!this.enabled) return;
    this.replaceMalformedCookie(request);
    if (isSafeMethod(request.method) || view.getCsrfExempt()) return;
    const reason = this.originProblem(request) ?? this.tokenProblem(request);
    if (reason === null) return;
    // The reason may quote a header: escape it with the path, so no request forges log lines.
    logger.warn(escapeForLog(`Forbidden (${reason}): ${request.path}`));
    throw new CsrfFailure(reason);
  }

  /**
   * Django's `process_request()`: a request whose cookie is malformed (empty, of the wrong
   * length, of other characters) gets a new secret, and its response sets it, whatever the view
   * does (a page that reads no token, an exempt view, a refusal written as an `HttpResponse`).
   * A secret the view's `setup()` already made (a token it read) is kept. A request without the
   * cookie costs one lookup of its `Cookie` header.
   */
  private replaceMalformedCookie(request: ViewRequest): void {
    const header = request.headers.cookie;
    if (header === undefined || !header.includes(this.cookieName)) return;
    const cookie = readCookie(header, this.cookieName);
    if (cookie === undefined || tokenFormatError(cookie) === null) return;
    const state = csrfStateOf(request)!;
    if (state.secret === undefined) this.rotate(state);
  }

  /** A new masked token for `state`'s secret; the response will set the cookie. */
  token(state: CsrfState): string {
    state.secret ??= this.validCookieSecret(state.request) ?? randomString();
    needCookie(state);
    return maskSecret(state.secret);
  }

  /** Give `state` a new secret (after a login, say), sent in the response's cookie. */
  rotate(state: CsrfState): void {
    state.secret = randomString();
    needCookie(state);
  }

  /** Set the cookie and `Vary: Cookie` on `response` when the request's token was used. */
  finish(state: CsrfState, response: HttpResponse): void {
    if (!state.cookieNeedsUpdate || state.secret === undefined) return;
    appendSetCookie(response.headers, serializeCookie(this.cookieName, state.secret, this.cookie));
    patchVary(response.headers, 'Cookie');
  }

  /** Why the request's origin is refused, or `null`. */
  private originProblem(request: ViewRequest): string | null {
    const origin = request.header('origin');
    if (origin !== undefined) {
      return this.origins.allowsOrigin(origin, request.isSecure(), hostOf(request))
        ? null
        : CSRF_MESSAGES.badOrigin(origin);
    }
    // A browser that sends Sec-Fetch-Site sends Origin too; one that was stripped is suspect.
    const site = request.header('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') return CSRF_MESSAGES.badFetchSite(site);
    // A browser vouches for its own origin (no page can set this header): Django's Referer
    // check adds nothing then, and would refuse pages served with `Referrer-Policy: no-referrer`.
    if (site === 'same-origin' || !request.isSecure()) return null;
    const goodHost = this.cookie.domain ? withPort(this.cookie.domain, hostOf(request)) : hostOf(request);
    return this.origins.refererError(request.header('referer'), goodHost);
  }

  /** Why the request's token does not match its cookie, or `null`, in Django's order. */
  private tokenProblem(request: ViewRequest): string | null {
    const cookie = readCookie(request.header('cookie'), this.cookieName);
    if (cookie === undefined) return CSRF_MESSAGES.noCookie;
    const cookieError = tokenFormatError(cookie);
    if (cookieError) return CSRF_MESSAGES.badCookie(cookieError);
    const secret = secretOf(cookie);
    let token = request.method === 'POST' ? this.formToken(request) : '';
    let source = 'POST';
    if (token === '') {
      const header = request.header(this.headerKey);
      if (header === undefined) return CSRF_MESSAGES.tokenMissing;
      token = header;
      source = CSRF_MESSAGES.headerSource(this.headerName);
    }
    const tokenError = tokenFormatError(token);
    if (tokenError) return CSRF_MESSAGES.badToken(source, tokenError);
    if (!tokenMatches(token, secret)) return CSRF_MESSAGES.badToken(source, 'incorrect');
    // The page this request renders (a form with its errors) keeps the same secret.
    csrfStateOf(request)!.secret = secret;
    return null;
  }

  /**
   * The token in a form body's field (Django's `request.POST`), or `''`. Read from the body
   * as parsed, before the app's pipes: a pipe that drops unknown fields must not drop it.
   */
  private formToken(request: ViewRequest): string {
    const type = request.header('content-type')?.toLowerCase() ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return '';
    const body = (request.raw as { body?: unknown }).body as Record<string, unknown> | null | undefined;
    let value =
      body !== null && typeof body === 'object' && Object.hasOwn(body, this.fieldName) ? body[this.fieldName] : '';
    // A repeated field: the last value, as Django's `QueryDict.get()`.
    if (Array.isArray(value)) value = value[value.length - 1];
    return typeof value === 'string' ? value : '';
  }

  /** The secret of the request's cookie when it is well formed. */
  private validCookieSecret(request: ViewRequest): string | undefined {
    const cookie = readCookie(request.header('cookie'), this.cookieName);
    return cookie && tokenFormatError(cookie) === null ? secretOf(cookie) : undefined;
  }
}

/** The request's host and port (Django's `get_host()`), from the platform (proxy settings apply). */
function hostOf(request: ViewRequest): string | undefined {
  const host = (request.raw as { host?: unknown }).host;
  return typeof host === 'string' && host !== '' ? host : request.header('host');
}

/** `domain` with the port of `host`, unless that is none (Django adds any port but 80 and 443). */
function withPort(domain: string, host: string | undefined): string {
  const port = host?.match(/:(\d+)$/)?.[1];
  return port && port !== '80' && port !== '443' ? `${domain}:${port}` : domain;
}

function checked(option: string, value: string, pattern: RegExp): string {
  if (typeof value !== 'string' || !pattern.test(value))
    throw new ImproperlyConfigured(MESSAGES.csrfBadAttribute(option, String(value)));
  return value;
}
