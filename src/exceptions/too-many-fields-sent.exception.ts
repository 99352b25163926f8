import { BadRequestException } from '@nestjs/common';
import { MESSAGES } from '../class-views.messages.js';

/**
 * Django's `TooManyFieldsSent`: a query string or form body with more fields than the
 * `dataUploadMaxNumberFields` option allows (Django's `DATA_UPLOAD_MAX_NUMBER_FIELDS`,
 * 1,000 by default). Answered with 400 before the fields are parsed, so a request of many
 * tiny fields cannot make the app build a huge dictionary.
 */
export class TooManyFieldsSent extends BadRequestException {
  /** The registry code of the error (listed in docs/reference/errors.md). */
  readonly code = MESSAGES.tooManyFieldsSent.code;

  constructor() {
    super(MESSAGES.tooManyFieldsSent().message);
    this.name = 'TooManyFieldsSent';
  }
}
