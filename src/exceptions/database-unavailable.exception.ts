import { ServiceUnavailableException } from '@nestjs/common';
import { MESSAGES } from '../class-views.messages.js';

/**
 * The database cannot be reached: its server is stopped or restarting, the connection
 * was closed, or it refuses new connections. List and detail views throw it when a query
 * fails this way, so the client gets a 503 through Nest's exception filters, with a
 * message that shows nothing of the query; the driver's error is kept as `cause` for
 * logs and filters. The next request tries the database again.
 *
 * @example
 * if (isDatabaseUnavailable(error)) throw new DatabaseUnavailable(error);
 */
export class DatabaseUnavailable extends ServiceUnavailableException {
  /** The registry code of the error (listed in docs/reference/errors.md). */
  readonly code = MESSAGES.databaseUnavailable.code;

  constructor(cause?: unknown) {
    // The description given, as Nest 11 leaves it out of the body when options are passed.
    super(MESSAGES.databaseUnavailable().message, { cause, description: 'Service Unavailable' });
    this.name = 'DatabaseUnavailable';
  }
}
