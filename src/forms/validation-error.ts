import type { ValidationCode } from './forms.messages.js';

/** Values a message's `%(name)s` and `%(name)d` placeholders are filled with (Django's `params`). */
export type ValidationParams = Readonly<Record<string, unknown>>;

/**
 * Django's `ValidationError`: a field's `clean()` or a form's `clean()` throws it, and
 * the form files its message under the field (or under the non-field errors). Given a
 * list of errors, it carries them all (`errorList`), as a field's validators report them.
 *
 * @example
 * throw new ValidationError('Subscribers must be adults.', 'too_young');
 * throw new ValidationError('Ensure this value is at most %(limit)s.', 'too_big', { limit: 5 });
 */
export class ValidationError extends Error {
  /** The errors this one stands for: itself, or those it was given. */
  readonly errorList: readonly ValidationError[];
  /** The message before `params` filled it. */
  readonly template: string;

  constructor(
    message: string | readonly ValidationError[],
    /** A short machine-readable code (`required`, `max_length`, …), as in `errors.asJson()`. */
    readonly code: ValidationCode = 'invalid',
    /** Values for the message's placeholders (`%(limit_value)s`), kept for `errorMessages` that use them. Default none. */
    readonly params?: ValidationParams,
  ) {
    const list = typeof message === 'string' ? null : message.flatMap((error) => error.errorList);
    const template = list ? (list[0]?.message ?? '') : (message as string);
    super(list || !params ? template : interpolate(template, params));
    this.name = 'ValidationError';
    this.template = template;
    if (list) this.code = list[0]?.code ?? code;
    this.errorList = list ?? [this];
  }
}

/** Python's `message % params` for `%(name)s`, `%(name)d` and `%%`. */
export function interpolate(message: string, params: ValidationParams): string {
  return message.replace(/%(?:\((\w+)\)([sdr])|%)/g, (all, name: string | undefined, kind: string) => {
    if (name === undefined) return '%';
    if (!(name in params)) return all;
    const value = params[name];
    return kind === 'd' ? String(Math.trunc(Number(value))) : String(value);
  });
}
