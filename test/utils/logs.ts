import { afterAll, beforeAll, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';

/**
 * Keep Nest's error log quiet for the tests of the enclosing `describe` block, whose 500s are
 * provoked on purpose and logged as Nest logs them.
 */
export function silenceNestErrors(): void {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => {
    jest.restoreAllMocks();
  });
}
