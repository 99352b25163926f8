import { NotFoundException } from '@nestjs/common';
import { type CodedMessage, messageCode, messageText } from '../utils/coded-message.js';

/**
 * Django's `Http404`: throw it from a view to answer 404. It is a Nest
 * `NotFoundException`, so exception filters see it and Nest's default filter answers
 * `{ statusCode: 404, message, error: 'Not Found' }`.
 *
 * @example
 * if (!book) throw new Http404('No book found matching the query');
 */
export class Http404 extends NotFoundException {
  /** The registry code of the message (`CLASS_VIEWS_ERR_…`, listed in docs/reference/errors.md); none for a message of your own. */
  readonly code?: string;

  constructor(message: string | CodedMessage = 'Not Found') {
    super(messageText(message));
    this.name = 'Http404';
    this.code = messageCode(message);
  }
}
