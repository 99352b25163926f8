import type { CsrfProtection } from '../csrf/csrf-protection.js';
import type { MessagesConfig } from '../messages/request-messages.js';

/**
 * What the app serving a class view lends each of its requests: one object per route, so
 * handing it to a request writes nothing per request. The per-request state (the CSRF secret,
 * the messages) is made from it only when a view or a template first asks for it, as Django's
 * `get_token()` and `request._messages` are used: a page that prints no token and reads no
 * message pays nothing for either.
 */
export interface RequestServices {
  /** The app's CSRF check, which `getToken()` and `csrf_token` make the request's state from. */
  readonly csrf?: CsrfProtection;
  /** The app's messages configuration, when messages are on. */
  readonly messages?: MessagesConfig;
}
