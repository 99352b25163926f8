import { type CodedMessage, messageCode, messageText } from '../utils/coded-message.js';

/** Raised by `reverse()` when no named route fits the name and arguments given. */
export class NoReverseMatch extends Error {
  /** The error's name, `'NoReverseMatch'`. */
  override name = 'NoReverseMatch';
  /** The registry code of the message (`CLASS_VIEWS_ERR_…`, listed in docs/reference/errors.md); none for a message of your own. */
  readonly code?: string;

  constructor(message: string | CodedMessage) {
    super(messageText(message));
    this.code = messageCode(message);
  }
}
