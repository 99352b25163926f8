import { DisallowedRedirect } from '../exceptions/disallowed-redirect.exception.js';
import { MESSAGES } from '../class-views.messages.js';
import { HttpResponse, HttpResponseInit } from './http-response.js';

/** The schemes a redirect may use, besides a relative URL (Django's `allowed_schemes`). */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'ftp']);

/**
 * The base of Django's redirects: `Location` is sent exactly as given (a relative URL
 * stays relative). A URL with another scheme (`javascript:`, `data:`) is refused with
 * `DisallowedRedirect`, which answers 400.
 */
export abstract class HttpResponseRedirectBase extends HttpResponse {
  constructor(url: string, status: number, init: HttpResponseInit = {}) {
    super('', { ...init, status });
    const scheme = schemeOf(url);
    if (scheme && !ALLOWED_SCHEMES.has(scheme)) throw new DisallowedRedirect(MESSAGES.unsafeRedirect(scheme));
    this.headers.set('Location', url);
  }

  /** The URL redirected to. */
  get url(): string {
    return this.headers.get('Location')!;
  }
}

/** 302 Found to `url`. */
export class HttpResponseRedirect extends HttpResponseRedirectBase {
  constructor(url: string, init: HttpResponseInit = {}) {
    super(url, 302, init);
  }
}

/** 301 Moved Permanently to `url`. */
export class HttpResponsePermanentRedirect extends HttpResponseRedirectBase {
  constructor(url: string, init: HttpResponseInit = {}) {
    super(url, 301, init);
  }
}

/** The lower-cased scheme of a URL, ignoring control characters and spaces browsers ignore. */
function schemeOf(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match?.[1].toLowerCase();
}
