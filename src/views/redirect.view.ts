import { Logger } from '@nestjs/common';
import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { HttpResponseGone, type HttpResponse } from '../http/http-response.js';
import { HttpResponsePermanentRedirect, HttpResponseRedirect } from '../http/http-response-redirect.js';
import type { ViewRequest } from '../http/view-request.js';
import { escapeForLog } from '../http/escape-for-log.js';
import { escapeLeadingSlashes } from '../urls/route-pattern.js';
import type { RouteName } from '../urls/typed-routes.js';
import { getViewContext } from '../app-context/view-context.js';
import { View, type Kwargs } from './view.js';
import { codedError } from '../utils/coded-message.js';

const logger = new Logger('ClassViews');
const PLACEHOLDER = /%(?:\(([^)]*)\)([sd])|(%))/g;

/**
 * Django's `RedirectView`: redirects every method but TRACE to `url` (with `%(name)s`
 * filled from the URL kwargs, URL-encoded) or to the route named `patternName`;
 * 410 Gone when there is neither.
 *
 * @example
 * path('go/<slug:slug>/', RedirectView.asView({ url: '/articles/%(slug)s/', queryString: true }))
 */
export class RedirectView extends View {
  /** 301 when true, else 302. Default `false`. */
  permanent = false;
  /** The target; `%(name)s` is replaced by the URL kwarg `name` and `%%` by `%`. Default `null`. */
  url: string | null = null;
  /**
   * A route name to reverse with the same kwargs, used when `url` is not set; one of
   * `RegisteredRoutes` once the app registers them. Default `null`.
   */
  patternName: RouteName | null = null;
  /** Append the request's query string, as sent. Default `false`. */
  queryString = false;

  /** The URL to redirect to, or `null` for 410 Gone. */
  getRedirectUrl(_args: readonly unknown[], kwargs: Kwargs): string | null {
    let url: string;
    if (this.url) url = this.interpolate(this.url, kwargs);
    else if (this.patternName) url = getViewContext(this).urls.reverseUnchecked(this.patternName, kwargs);
    else return null;
    const query = this.request.queryString;
    if (this.queryString && query) url = `${url}?${query}`;
    return url;
  }

  /**
   * Start-up check: each `%(name)s` of `url` is a kwarg the route captures. A view with its
   * own `getRedirectUrl()` is checked per request instead: the route cannot tell.
   */
  override checkRoute(kwargNames: ReadonlySet<string>, route: string): void {
    super.checkRoute(kwargNames, route);
    if (!this.url || this.getRedirectUrl !== RedirectView.prototype.getRedirectUrl) return;
    for (const [, key] of this.url.matchAll(PLACEHOLDER)) {
      if (key !== undefined && !kwargNames.has(key))
        throw new ImproperlyConfigured(MESSAGES.routeWithoutRedirectKwarg(this.constructor.name, this.url, key, route));
    }
  }

  get(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): HttpResponse {
    const url = this.getRedirectUrl(args, kwargs);
    if (url) return this.permanent ? new HttpResponsePermanentRedirect(url) : new HttpResponseRedirect(url);
    logger.warn(`Gone: ${escapeForLog(request.path)}`);
    return new HttpResponseGone();
  }

  head(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): HttpResponse {
    return this.get(request, args, kwargs);
  }

  post(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): HttpResponse {
    return this.get(request, args, kwargs);
  }

  override options(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): HttpResponse {
    return this.get(request, args, kwargs);
  }

  delete(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): HttpResponse {
    return this.get(request, args, kwargs);
  }

  put(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): HttpResponse {
    return this.get(request, args, kwargs);
  }

  patch(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): HttpResponse {
    return this.get(request, args, kwargs);
  }

  /** Fill `%(name)s` placeholders from `kwargs`, URL-encoding each value but keeping `/`. */
  private interpolate(url: string, kwargs: Kwargs): string {
    const name = this.constructor.name;
    const filled = url.replace(PLACEHOLDER, (_match, key: string | undefined, _kind, percent: string | undefined) => {
      if (percent) return '%';
      // Checked at start-up (`checkRoute()`), except for a `getRedirectUrl()` of the view's own.
      if (!Object.hasOwn(kwargs, key!)) throw codedError(Error, MESSAGES.redirectMissingKwarg(name, url, key!));
      return encodeURIComponent(String(kwargs[key!])).replace(/%2F/gi, '/');
    });
    // A '%' left that is not a placeholder (e.g. '/a%20b/'): Django fails here too.
    if (url.replace(PLACEHOLDER, '').includes('%')) throw codedError(Error, MESSAGES.redirectBadPercent(name, url));
    // A value that makes the URL start with '//' would send the client to another host
    // (Django leaves this to the URL's author; reverse() escapes it, and so does this).
    return url.startsWith('//') ? filled : escapeLeadingSlashes(filled);
  }
}
