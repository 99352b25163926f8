import { DisallowedRedirect } from '../exceptions/disallowed-redirect.exception.js';
import { MESSAGES } from '../class-views.messages.js';
import { HttpResponse, HttpResponseInit } from './http-response.js';

/** The schemes a redirect may use, besides a relative URL (Django's `allowed_schemes`). */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'ftp']);

/**
 * Characters `iriToUri()` leaves as they are: the unreserved ones, the URI delimiters
 * and `%` (so existing escapes stay), as Django's `iri_to_uri()`.
 */
const IRI_UNSAFE = /[^A-Za-z0-9\-._~/#%[\]=:;$&()+,!?*@']/gu;
/** `IRI_UNSAFE` without the global flag, for a test that keeps no state between calls. */
const HAS_IRI_UNSAFE = /[^A-Za-z0-9\-._~/#%[\]=:;$&()+,!?*@']/u;

/**
 * Turn an IRI into a URI as Django's `iri_to_uri()` does: every character outside the
 * URI's unreserved and delimiter characters (non-ASCII, spaces, quotes, control
 * characters, line breaks) is percent-encoded as UTF-8; `%` is kept, so an already
 * encoded URL is unchanged.
 *
 * @example
 * iriToUri('/日本/?q=ü'); // '/%E6%97%A5%E6%9C%AC/?q=%C3%BC'
 */
export function iriToUri(iri: string): string {
  // Most URLs are already URIs: tested first, so that no copy is made of them.
  if (!HAS_IRI_UNSAFE.test(iri)) return iri;
  return iri.replace(IRI_UNSAFE, (char) => {
    let encoded = '';
    // A lone surrogate becomes U+FFFD's bytes, where encodeURIComponent would throw.
    for (const byte of Buffer.from(char, 'utf8')) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return encoded;
  });
}

/**
 * `url` as a redirect may send it: refused with `DisallowedRedirect` (400) when its scheme
 * is not http, https or ftp (`javascript:`, `data:`), else made a valid URI by `iriToUri()`.
 * Every redirect of the library goes through it, htmx's `HX-Redirect` and `HX-Location` too.
 */
export function redirectUri(url: string): string {
  const scheme = schemeOf(url);
  if (scheme && !ALLOWED_SCHEMES.has(scheme)) throw new DisallowedRedirect(MESSAGES.unsafeRedirect(scheme));
  return iriToUri(url);
}

/** The options of a redirect made without any: one object, not one per response. */
const NO_INIT: HttpResponseInit = Object.freeze({});
/** What a 302 made without options passes to `HttpResponse`: one object for all of them. */
const FOUND: HttpResponseInit = Object.freeze({ status: 302 });
/** What a 301 made without options passes to `HttpResponse`: one object for all of them. */
const MOVED_PERMANENTLY: HttpResponseInit = Object.freeze({ status: 301 });

/** The options of a redirect with `status` and no others: shared for 301 and 302, new for another status. */
function statusInit(status: number): HttpResponseInit {
  return status === 302 ? FOUND : status === 301 ? MOVED_PERMANENTLY : { status };
}

/**
 * The base of Django's redirects: `Location` is the URL as given (a relative URL stays
 * relative), made a valid URI by `iriToUri()` as Django does, so a non-ASCII target works
 * and a line break cannot add a header. A URL with another scheme (`javascript:`,
 * `data:`) is refused with `DisallowedRedirect`, which answers 400.
 */
export abstract class HttpResponseRedirectBase extends HttpResponse {
  constructor(url: string, status: number, init: HttpResponseInit = NO_INIT) {
    super('', init === NO_INIT ? statusInit(status) : { ...init, status });
    // `redirectUri()` percent-encodes whatever a header value cannot hold: no check is needed.
    this.headers.setKnown('location', 'Location', redirectUri(url));
  }

  /** The URL redirected to. */
  get url(): string {
    return this.headers.get('Location')!;
  }
}

/** 302 Found to `url`. */
export class HttpResponseRedirect extends HttpResponseRedirectBase {
  constructor(url: string, init: HttpResponseInit = NO_INIT) {
    super(url, 302, init);
  }
}

/** 301 Moved Permanently to `url`. */
export class HttpResponsePermanentRedirect extends HttpResponseRedirectBase {
  constructor(url: string, init: HttpResponseInit = NO_INIT) {
    super(url, 301, init);
  }
}

/** The lower-cased scheme of a URL, ignoring control characters and spaces browsers ignore. */
function schemeOf(url: string): string | undefined {
  // A path (`/books/1/`, `//host/`) has no scheme; the usual case, answered without a copy.
  if (url.charCodeAt(0) === 47 /* '/' */) return undefined;
  const cleaned = url.replace(/[\u0000-\u0020]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match?.[1].toLowerCase();
}
