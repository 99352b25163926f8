import { BadRequestException } from '@nestjs/common';
import { type CodedMessage, messageCode, messageText } from '../utils/coded-message.js';

/**
 * Django's `DisallowedRedirect`: a redirect to a URL whose scheme is not `http`, `https`
 * or `ftp` (or relative). Answered with 400, the redirect is never sent.
 */
export class DisallowedRedirect extends BadRequestException {
  /** The registry code of the message (`CLASS_VIEWS_ERR_…`, listed in docs/reference/errors.md); none for a message of your own. */
  readonly code?: string;

  constructor(message: string | CodedMessage) {
    super(messageText(message));
    this.name = 'DisallowedRedirect';
    this.code = messageCode(message);
  }
}
