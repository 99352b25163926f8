import { type CodedMessage, messageCode, messageText } from '../utils/coded-message.js';

/** A message was added where messages are off (Django's `MessageFailure`). */
export class MessageFailure extends Error {
  /** The error's name, `'MessageFailure'`. */
  override name = 'MessageFailure';
  /** The registry code of the message (`CLASS_VIEWS_ERR_…`, listed in docs/reference/errors.md); none for a message of your own. */
  readonly code?: string;

  constructor(message?: string | CodedMessage) {
    super(messageText(message));
    this.code = messageCode(message);
  }
}
