import { NotFoundException } from '@nestjs/common';

/**
 * Django's `Http404`: throw it from a view to answer 404. It is a Nest
 * `NotFoundException`, so exception filters see it and Nest's default filter answers
 * `{ statusCode: 404, message, error: 'Not Found' }`.
 *
 * @example
 * if (!book) throw new Http404('No book found matching the query');
 */
export class Http404 extends NotFoundException {
  constructor(message = 'Not Found') {
    super(message);
    this.name = 'Http404';
  }
}
