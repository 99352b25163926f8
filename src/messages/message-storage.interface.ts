import type { HttpResponse } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import type { Message } from './message.js';

/**
 * Where messages wait between one request and the next (Django's storage backends'
 * `_get()` and `_store()`). The default is `CookieStorage`; give another with the
 * `messages.storage` option. Both methods are synchronous, as Django's: a store that
 * needs I/O reads it in a guard or middleware first and keeps it on the request.
 */
export interface MessageStorage {
  /**
   * The messages stored for `request`, oldest first: `[]` when there are none, `null` when
   * what is stored cannot be read (tampered, signed with another key); `write()` then
   * clears it.
   */
  read(request: ViewRequest): Message[] | null;

  /**
   * Store `messages` for the next request of the same client, or clear the store when
   * `messages` is empty, and return those that did not fit.
   */
  write(messages: readonly Message[], request: ViewRequest, response: HttpResponse): Message[];
}
