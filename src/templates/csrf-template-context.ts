import type { ViewRequest } from '../http/view-request.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { csrfStateOf, servesCsrf } from '../csrf/csrf-state.js';
import { Markup } from './safe-html.js';
import { MESSAGES } from '../class-views.messages.js';

/** What every template of a class view gets: `csrf_token` and `csrf_input()`. */
export interface CsrfTemplateContext {
  /** The token (Django's `{{ csrf_token }}`); printing it sets the cookie. */
  csrf_token: {
    /** The token. */
    toString(): string;
  };
  /**
   * The hidden form field with the token, marked safe (Django's `{% csrf_token %}`): a
   * `Markup`, typed by what templates use of it.
   */
  csrf_input: () => {
    /** The `<input type="hidden">` element. */
    toString(): string;
  };
}

/** Outside a class view's request there is no cookie to set: say so rather than print nothing. */
const NOT_SERVED: CsrfTemplateContext = Object.freeze({
  csrf_token: Object.freeze({
    toString(): string {
      throw new ImproperlyConfigured(MESSAGES.csrfNotServed('csrf_token'));
    },
  }),
  csrf_input(): Markup {
    throw new ImproperlyConfigured(MESSAGES.csrfNotServed('csrf_input()'));
  },
});

/**
 * The CSRF entries of a template's context for `request`; outside a class view's request,
 * printing either throws `ImproperlyConfigured`.
 * The token is made when a template first prints it, and once per render, so that a
 * page with both `csrf_token` and `csrf_input()` carries one token.
 */
export function csrfTemplateContext(request: ViewRequest | undefined): CsrfTemplateContext {
  if (!servesCsrf(request)) return NOT_SERVED;
  let token: string | undefined;
  const value = () => {
    if (token === undefined) {
      const state = csrfStateOf(request!)!;
      token = state.protection.token(state);
    }
    return token;
  };
  return {
    csrf_token: { toString: value, toJSON: value } as CsrfTemplateContext['csrf_token'],
    csrf_input: () =>
      new Markup(`<input type="hidden" name="${csrfStateOf(request!)!.protection.fieldName}" value="${value()}">`),
  };
}
