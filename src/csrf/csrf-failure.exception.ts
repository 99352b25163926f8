import { ForbiddenException } from '@nestjs/common';
import { CSRF_MESSAGES } from './csrf.messages.js';

/**
 * Thrown when an unsafe request fails the CSRF check, before the view runs. A 403 that
 * goes through Nest's exception filters: the default one answers
 * `{ statusCode: 403, error: 'Forbidden', message: 'CSRF verification failed. Request aborted.', reason }`;
 * catch it (`@Catch(CsrfFailure)`) to render a page of your own, as Django's `CSRF_FAILURE_VIEW`.
 */
export class CsrfFailure extends ForbiddenException {
  constructor(
    /** Why, in Django's words: `'CSRF cookie not set.'`, `'CSRF token missing.'`, … */
    readonly reason: string,
  ) {
    super({ statusCode: 403, error: 'Forbidden', message: CSRF_MESSAGES.failed, reason });
  }
}
