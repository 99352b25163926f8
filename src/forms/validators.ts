import { FORM_MESSAGES } from './forms.messages.js';
import { ValidationError } from './validation-error.js';

/**
 * A validator: called with a field's cleaned value, it throws `ValidationError` to refuse
 * it (Django's validators are callables). Any function will do; the classes below are
 * Django's, and their instances are functions too.
 */
export type Validator = (value: any) => void;

/** The call signature of a {@link CallableValidator} instance. */
export interface CallableValidator {
  /** Check `value`, as `check()` does: throw `ValidationError` when it is not valid. */
  // biome-ignore lint/style/useShorthandFunctionType: an interface, so that it merges with the class of the same name
  (value: unknown): void;
}
/**
 * The root of Django's validator classes. Its instances can be called like functions,
 * as Django's can: `new MaxLengthValidator(5)('abcdef')` throws. Subclasses implement
 * `check()` (Django's `__call__`).
 */
export abstract class CallableValidator {
  constructor() {
    const validator = (value: unknown): void => (validator as unknown as CallableValidator).check(value);
    // The instance is the function: its prototype is the class's, so fields set later land on it.
    // biome-ignore lint/correctness/noConstructorReturn: the instance is the callable function itself, as Django's validators are callable
    return Object.setPrototypeOf(validator, new.target.prototype) as CallableValidator;
  }

  /** Throw `ValidationError` when `value` is not valid. */
  abstract check(value: unknown): void;
}

/** Options of `RegexValidator`. */
export interface RegexValidatorOptions {
  /** The message of a refusal. Default `'Enter a valid value.'`. */
  message?: string;
  /** The code of a refusal. Default `'invalid'`. */
  code?: string;
  /** Refuse values that match, rather than those that do not. Default `false`. */
  inverseMatch?: boolean;
  /** Flags, when `regex` is a string (`'i'`). Default none. */
  flags?: string;
}

/**
 * Django's `RegexValidator`: the value (as a string) must contain a match of `regex`
 * (or must not, with `inverseMatch`). The pattern is yours: keep it free of nested or
 * adjacent quantifiers that overlap (`(a+)+`, `\d+\d*`), which take quadratic time or
 * worse on a long value that almost matches.
 */
export class RegexValidator extends CallableValidator {
  /** The pattern searched for. */
  readonly regex: RegExp;
  /** The message of a refusal. */
  readonly message: string;
  /** The code of a refusal (`ValidationError.code`). */
  readonly code: string;
  /** Whether a match is what is refused. */
  readonly inverseMatch: boolean;

  constructor(regex: RegExp | string, options: RegexValidatorOptions = {}) {
    super();
    // Without `g` and `y`: `test()` would otherwise resume from the last match.
    this.regex =
      typeof regex === 'string'
        ? new RegExp(regex, options.flags)
        : new RegExp(regex.source, regex.flags.replace(/[gy]/g, ''));
    this.message = options.message ?? FORM_MESSAGES.invalid();
    this.code = options.code ?? 'invalid';
    this.inverseMatch = options.inverseMatch ?? false;
  }

  check(value: unknown): void {
    if (this.regex.test(String(value)) === this.inverseMatch)
      throw new ValidationError(this.message, this.code, { value });
  }
}

/** Django's `validate_slug`: ASCII letters, digits, underscores and hyphens. */
export const validateSlug = new RegexValidator(/^[-a-zA-Z0-9_]+$/, { message: FORM_MESSAGES.invalidSlug() });

/** Django's `validate_unicode_slug`: Unicode letters and digits, underscores and hyphens. */
export const validateUnicodeSlug = new RegexValidator(/^[-\p{L}\p{N}_]+$/u, {
  message: FORM_MESSAGES.invalidUnicodeSlug(),
});

/** Django's `ProhibitNullCharactersValidator`: refuses a value holding U+0000. */
export class ProhibitNullCharactersValidator extends CallableValidator {
  /** The message of a refusal. */
  readonly message: string = FORM_MESSAGES.nullCharacters();
  /** The code of a refusal (`ValidationError.code`). */
  readonly code: string = 'null_characters_not_allowed';

  check(value: unknown): void {
    if (String(value).includes('\0')) throw new ValidationError(this.message, this.code, { value });
  }
}

/** A limit, or a function that returns it when the value is checked (Django's callable `limit_value`). */
export type Limit<T> = T | (() => T);

/** Django's `BaseValidator`: compares a measure of the value (`clean()`) with a limit. */
export abstract class BaseValidator<T = number> extends CallableValidator {
  /** The code of a refusal (`ValidationError.code`). */
  abstract readonly code: string;

  constructor(
    /** The limit, or a function that returns it. */
    readonly limitValue: Limit<T>,
    /** Replaces the class's message; `%(limit_value)s` and `%(show_value)s` are filled in. Default the class's. */
    readonly customMessage?: string,
  ) {
    super();
  }

  check(value: unknown): void {
    const limit = typeof this.limitValue === 'function' ? (this.limitValue as () => T)() : this.limitValue;
    const cleaned = this.clean(value);
    if (this.compare(cleaned, limit)) {
      throw new ValidationError(this.customMessage ?? this.message(limit), this.code, {
        limit_value: limit,
        show_value: cleaned,
        value,
      });
    }
  }

  /** The message, `%(…)s` placeholders left for the parameters. */
  protected abstract message(limit: T): string;
  /** Whether `cleaned` breaks `limit`. */
  protected abstract compare(cleaned: T, limit: T): boolean;
  /** The measure of the value compared with the limit. Default the value itself. */
  protected clean(value: unknown): T {
    return value as T;
  }
}

/** Django's `MaxValueValidator`: at most `limitValue`. */
export class MaxValueValidator extends BaseValidator<any> {
  /** The code of a refusal (`ValidationError.code`). */
  readonly code = 'max_value';
  protected message(): string {
    return 'Ensure this value is less than or equal to %(limit_value)s.';
  }
  protected compare(cleaned: any, limit: any): boolean {
    return cleaned > limit;
  }
}

/** Django's `MinValueValidator`: at least `limitValue`. */
export class MinValueValidator extends BaseValidator<any> {
  /** The code of a refusal (`ValidationError.code`). */
  readonly code = 'min_value';
  protected message(): string {
    return 'Ensure this value is greater than or equal to %(limit_value)s.';
  }
  protected compare(cleaned: any, limit: any): boolean {
    return cleaned < limit;
  }
}

/** Django's `MinLengthValidator`: at least `limitValue` characters (code points, as Python counts). */
export class MinLengthValidator extends BaseValidator {
  /** The code of a refusal (`ValidationError.code`). */
  readonly code = 'min_length';
  protected message(limit: number): string {
    return `Ensure this value has at least %(limit_value)d character${limit === 1 ? '' : 's'} (it has %(show_value)d).`;
  }
  protected compare(cleaned: number, limit: number): boolean {
    return cleaned < limit;
  }
  protected override clean(value: unknown): number {
    return codePoints(String(value));
  }
}

/** Django's `MaxLengthValidator`: at most `limitValue` characters (code points, as Python counts). */
export class MaxLengthValidator extends BaseValidator {
  /** The code of a refusal (`ValidationError.code`). */
  readonly code = 'max_length';
  protected message(limit: number): string {
    return `Ensure this value has at most %(limit_value)d character${limit === 1 ? '' : 's'} (it has %(show_value)d).`;
  }
  protected compare(cleaned: number, limit: number): boolean {
    return cleaned > limit;
  }
  protected override clean(value: unknown): number {
    return codePoints(String(value));
  }
}

/** A high surrogate: without one, a string has no pair, and as many code points as UTF-16 units. */
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** The number of code points in `text` (Python's `len`), without building an array. */
export function codePoints(text: string): number {
  // The engine's scan for a high surrogate is faster than the loop below.
  if (!HIGH_SURROGATE.test(text)) return text.length;
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
