import { type CodedMessage, messageCode, messageText } from '../utils/coded-message.js';

/** Signal a page number that cannot be served (Django's `InvalidPage`, parent of `PageNotAnInteger` and `EmptyPage`). */
export class InvalidPage extends Error {
  /** The error's name, `'InvalidPage'`. */
  override name = 'InvalidPage';
  /** The registry code of the message (`CLASS_VIEWS_ERR_…`, listed in docs/reference/errors.md); none for a message of your own. */
  readonly code?: string;

  constructor(message: string | CodedMessage = '') {
    super(messageText(message));
    this.code = messageCode(message);
  }
}

/** Signal a page number that is not an integer (`That page number is not an integer`). */
export class PageNotAnInteger extends InvalidPage {
  /** The error's name, `'PageNotAnInteger'`. */
  override name = 'PageNotAnInteger';
}

/** Signal a page number below 1 (`That page number is less than 1`) or past the last page (`That page contains no results`). */
export class EmptyPage extends InvalidPage {
  /** The error's name, `'EmptyPage'`. */
  override name = 'EmptyPage';
}
