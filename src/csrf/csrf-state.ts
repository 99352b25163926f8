import type { ViewRequest } from '../http/view-request.js';
import type { CsrfProtection } from './csrf-protection.js';

/**
 * On a `ViewRequest` once something asked for it (a token read, an unsafe method checked);
 * on the platform request too once the response must set the cookie, which is where the
 * response writer looks.
 */
const STATE = Symbol('nestjs-class-views:csrf');

interface Carrier {
  [STATE]?: CsrfState;
}

/** What one request knows about its CSRF secret. */
export interface CsrfState {
  readonly protection: CsrfProtection;
  readonly request: ViewRequest;
  /** The secret the response's cookie holds: read from the request's cookie, or new. */
  secret?: string;
  /** Whether the response sets the cookie (`getToken()` or `rotateToken()` ran). */
  cookieNeedsUpdate: boolean;
}

/** Give `request` a CSRF state for `protection` (the view's, when one already answers its platform request), and return it. */
export function attachCsrfState(protection: CsrfProtection, request: ViewRequest): CsrfState {
  // A second ViewRequest for the same platform request (an error page after the view threw)
  // keeps what the view did: a token it printed, a secret it rotated at login.
  const earlier = cookieStateOf(request.raw);
  if (earlier?.protection === protection) {
    (request as Carrier)[STATE] = earlier;
    return earlier;
  }
  const state: CsrfState = { protection, request, cookieNeedsUpdate: false };
  (request as Carrier)[STATE] = state;
  return state;
}

/**
 * The CSRF state of a request a class view serves, made on first use from the protection the
 * app lends the request (`ViewRequest.services`); `undefined` outside a class view's request.
 */
export function csrfStateOf(request: ViewRequest): CsrfState | undefined {
  const state = (request as Carrier)[STATE];
  if (state) return state;
  const protection = request.services?.csrf;
  return protection && attachCsrfState(protection, request);
}

/** Whether a class view serves `request` (so a token can be printed). */
export function servesCsrf(request: ViewRequest | undefined): boolean {
  return request !== undefined && ((request as Carrier)[STATE] !== undefined || request.services?.csrf !== undefined);
}

/** The response to `state`'s request must set the cookie: tell the response writer. */
export function needCookie(state: CsrfState): void {
  state.cookieNeedsUpdate = true;
  (state.request.raw as Carrier)[STATE] = state;
}

/** The state of a platform request whose response must set the CSRF cookie, or `undefined`. */
export function cookieStateOf(platformRequest: unknown): CsrfState | undefined {
  return (platformRequest as Carrier | null | undefined)?.[STATE];
}
