import type { ViewRequest } from '../http/view-request.js';
import type { CsrfProtection } from './csrf-protection.js';

/** Where the per-request state lives on the platform request. */
const CSRF_STATE = Symbol('nestjs-class-views:csrf');

/** What one request knows about its CSRF secret. */
export interface CsrfState {
  readonly protection: CsrfProtection;
  readonly request: ViewRequest;
  /** The secret the response's cookie holds: read from the request's cookie, or new. */
  secret?: string;
  /** Whether the response sets the cookie (`getToken()` or `rotateToken()` ran). */
  cookieNeedsUpdate: boolean;
}

/** Give the platform request behind `request` a fresh CSRF state, and return it. */
export function attachCsrfState(protection: CsrfProtection, request: ViewRequest): CsrfState {
  const state: CsrfState = { protection, request, cookieNeedsUpdate: false };
  (request.raw as { [CSRF_STATE]?: CsrfState })[CSRF_STATE] = state;
  return state;
}

/** The CSRF state of a request a class view serves, or `undefined`. */
export function csrfStateOf(platformRequest: unknown): CsrfState | undefined {
  return (platformRequest as { [CSRF_STATE]?: CsrfState } | null | undefined)?.[CSRF_STATE];
}
