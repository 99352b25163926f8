import { type CodedMessage, messageCode, messageText } from '../utils/coded-message.js';

/**
 * Raised when a view or the module is set up wrongly. Thrown at start-up where it can be
 * detected then (a mixed sync/async view, a bad `asView()` key, a bad route); at request
 * time it becomes a 500 whose body never shows the message or a stack trace.
 */
export class ImproperlyConfigured extends Error {
  /** The error's name, `'ImproperlyConfigured'`. */
  override name = 'ImproperlyConfigured';
  /** The registry code of the message (`CLASS_VIEWS_ERR_…`, listed in docs/reference/errors.md); none for a message of your own. */
  readonly code?: string;

  constructor(message?: string | CodedMessage) {
    super(messageText(message));
    this.code = messageCode(message);
  }
}
