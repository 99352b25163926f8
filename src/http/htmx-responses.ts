import { HttpResponse, type HttpResponseInit } from './http-response.js';
import { redirectUri } from './http-response-redirect.js';

/**
 * Make htmx load `url` as a full page (`HX-Redirect`): the answer to a form that htmx sent,
 * where a 302 would be followed by the browser's fetch and swapped into the page. A URL
 * that a redirect may not name (`javascript:`) is refused with `DisallowedRedirect`, as for
 * a 302: htmx would load it.
 */
export class HttpResponseClientRedirect extends HttpResponse {
  constructor(url: string, init?: HttpResponseInit) {
    super('', init);
    this.headers.set('HX-Redirect', redirectUri(url));
  }
}

/** Make htmx reload the whole page (`HX-Refresh: true`). */
export class HttpResponseClientRefresh extends HttpResponse {
  constructor(init?: HttpResponseInit) {
    super('', init);
    this.headers.set('HX-Refresh', 'true');
  }
}

/** Where and how htmx loads the page of an `HX-Location` answer (htmx's `htmx.ajax()` options). */
export interface HtmxLocation {
  /** CSS selector of the element to swap into. */
  target?: string;
  /** How to swap (`innerHTML`, `outerHTML`, …). */
  swap?: string;
  /** The element to take from the response (CSS selector). */
  select?: string;
  /** The source element of the request (CSS selector). */
  source?: string;
  /** An event that triggers the request. */
  event?: string;
  /** Headers to send with the request. */
  headers?: Record<string, string>;
  /** Values to send with the request. */
  values?: Record<string, unknown>;
}

/**
 * Make htmx load `url` as if a link with `hx-boost` was followed, without a full reload
 * (`HX-Location`): the URL alone, or a JSON object with the options given.
 */
export class HttpResponseLocation extends HttpResponse {
  constructor(url: string, location: HtmxLocation = {}, init?: HttpResponseInit) {
    super('', init);
    const options = Object.entries(location).filter(([, value]) => value !== undefined);
    const path = redirectUri(url);
    this.headers.set('HX-Location', options.length === 0 ? path : asciiJson({ path, ...Object.fromEntries(options) }));
  }
}

/** Tell htmx to stop polling (status 286). */
export class HttpResponseStopPolling extends HttpResponse {
  constructor(init?: HttpResponseInit) {
    super('', { ...init, status: 286 });
  }
}

/** Swap the answer into another element than the request's target (`HX-Retarget`, a CSS selector). */
export function retarget<R extends HttpResponse>(response: R, target: string): R {
  response.headers.set('HX-Retarget', target);
  return response;
}

/** Swap the answer another way than the request's `hx-swap` (`HX-Reswap`, e.g. `outerHTML`). */
export function reswap<R extends HttpResponse>(response: R, swap: string): R {
  response.headers.set('HX-Reswap', swap);
  return response;
}

/** Push `url` into the browser's history (`HX-Push-Url`); `false` prevents it. */
export function pushUrl<R extends HttpResponse>(response: R, url: string | false): R {
  response.headers.set('HX-Push-Url', url === false ? 'false' : redirectUri(url));
  return response;
}

const TRIGGER_HEADERS = {
  receive: 'HX-Trigger',
  settle: 'HX-Trigger-After-Settle',
  swap: 'HX-Trigger-After-Swap',
} as const;

/**
 * Trigger the client event `name` (with `detail`, when given) when htmx receives the answer,
 * or after it settles or swaps it (`HX-Trigger`, `HX-Trigger-After-Settle`,
 * `HX-Trigger-After-Swap`). Several calls add events; the header is JSON.
 */
export function triggerClientEvent<R extends HttpResponse>(
  response: R,
  name: string,
  detail: unknown = {},
  after: keyof typeof TRIGGER_HEADERS = 'receive',
): R {
  const header = TRIGGER_HEADERS[after];
  const current = response.headers.get(header);
  let events: Record<string, unknown> = {};
  if (current) {
    try {
      const parsed: unknown = JSON.parse(current);
      events = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      // A plain list of names, as htmx also accepts: each with no detail.
      events = Object.fromEntries(current.split(',').map((event) => [event.trim(), {}]));
    }
  }
  events[name] = detail;
  response.headers.set(header, asciiJson(events));
  return response;
}

/** JSON with every character past ASCII escaped (`\u00e9`): a header value is Latin-1 at most. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
