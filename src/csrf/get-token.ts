import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { cookieStateOf, csrfStateOf } from './csrf-state.js';
import { MESSAGES } from '../class-views.messages.js';

/**
 * A new CSRF token for `request`, and the cookie set on its response (Django's
 * `get_token()`): for a page that builds its own form or hands the token to a script.
 * Templates have it as `csrf_token` and `csrf_input()`.
 */
export function getToken(request: ViewRequest): string {
  const state = csrfStateOf(request);
  if (!state) throw new ImproperlyConfigured(MESSAGES.csrfNotServed('getToken()'));
  return state.protection.token(state);
}

/**
 * Replace the request's CSRF secret with a new one, sent in the response's cookie
 * (Django's `rotate_token()`): call it when a user logs in, so that a token seen before
 * the login is worthless.
 */
export function rotateToken(request: ViewRequest): void {
  const state = csrfStateOf(request);
  if (!state) throw new ImproperlyConfigured(MESSAGES.csrfNotServed('rotateToken()'));
  state.protection.rotate(state);
}

/** Set the CSRF cookie on `response` if the request that `platformRequest` is used its token. */
export function finishCsrf(platformRequest: unknown, response: HttpResponse): void {
  const state = cookieStateOf(platformRequest);
  if (state) state.protection.finish(state, response);
}

/** Whether the response to `platformRequest` must set the CSRF cookie. */
export function hasCsrfCookie(platformRequest: unknown): boolean {
  return cookieStateOf(platformRequest)?.cookieNeedsUpdate === true;
}
