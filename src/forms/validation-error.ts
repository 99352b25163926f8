import type { ValidationCode } from './forms.messages.js';

/**
 * Django's `ValidationError`: a field's `clean()` or a form's `clean()` throws it, and
 * the form files its message under the field (or under the non-field errors).
 *
 * @example
 * throw new ValidationError('Subscribers must be adults.', 'too_young');
 */
export class ValidationError extends Error {
  constructor(
    message: string,
    /** A short machine-readable code (`required`, `max_length`, …), as in `errors.asJson()`. */
    readonly code: ValidationCode = 'invalid',
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}
