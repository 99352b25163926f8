import { ForbiddenException } from '@nestjs/common';

/**
 * Django's `PermissionDenied`: throw it from a view to answer 403. The access mixins throw
 * it for a signed-in user who may not see the page. It is a Nest `ForbiddenException`, so
 * exception filters see it; with `errorPages` on, an HTML client gets `403.html` with the
 * message as `exception`.
 *
 * @example
 * if (!book.isPublic) throw new PermissionDenied('This book is private.');
 */
export class PermissionDenied extends ForbiddenException {
  constructor(message = '') {
    // Nest's own wording when there is no message, as Django's page shows the class name then.
    super(message === '' ? 'Forbidden' : message);
    this.name = 'PermissionDenied';
  }
}
