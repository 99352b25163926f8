import { FORM_MESSAGES } from './forms.messages.js';
import type { HtmlAttributes } from './html.js';
import { ValidationError } from './validation-error.js';
import { validateEmail } from './email.validator.js';
import {
  MaxLengthValidator,
  MaxValueValidator,
  MinLengthValidator,
  MinValueValidator,
  ProhibitNullCharactersValidator,
  type Validator,
} from './validators.js';
import {
  CheckboxInput,
  type Choice,
  DateInput,
  DateTimeInput,
  EmailInput,
  NumberInput,
  Select,
  SelectMultiple,
  TextInput,
  type Widget,
} from './widgets.js';

/** Options every field takes. */
export interface FieldOptions {
  /** Whether a value must be given. Default `true`. */
  required?: boolean;
  /** The label; default: the field name, capitalised, underscores and camel case split (`publicationDate` → `Publication date`). */
  label?: string;
  /** The value an unbound form shows (the form's `initial` wins). Default none. */
  initial?: unknown;
  /** Help shown under the label (trusted HTML, as in Django). Default none. */
  helpText?: string;
  /** The widget that renders the field. Default: the field type's own. */
  widget?: Widget;
  /** Replace messages by code: `{ required: 'Tell us your name.' }`. */
  errorMessages?: Partial<Record<string, string>>;
  /** A disabled field shows its initial value and ignores the submitted one. Default `false`. */
  disabled?: boolean;
  /**
   * Checks of the cleaned value, run after the field's own (Django's `validators`):
   * functions that throw `ValidationError` to refuse it, such as `validateSlug` or
   * `new MinLengthValidator(3)`. Every one runs and their errors are all reported; a
   * code in `errorMessages` replaces a validator's message. Default none.
   */
  validators?: readonly Validator[];
}

/**
 * Django's `Field`: turns a submitted value (a string from a form body, or a JSON value)
 * into a typed one, or throws `ValidationError` with Django's message. `clean()` runs
 * `toPython()`, `validate()` and the validators, in that order.
 */
export class Field<T = unknown> {
  /** {@inheritDoc FieldOptions.required} */
  readonly required: boolean;
  /** {@inheritDoc FieldOptions.label} */
  readonly label?: string;
  /** {@inheritDoc FieldOptions.initial} */
  readonly initial?: unknown;
  /** {@inheritDoc FieldOptions.helpText} */
  readonly helpText?: string;
  /** {@inheritDoc FieldOptions.widget} */
  readonly widget: Widget;
  /** {@inheritDoc FieldOptions.disabled} */
  readonly disabled: boolean;
  /** {@inheritDoc FieldOptions.errorMessages} */
  readonly errorMessages: Partial<Record<string, string>>;
  /** The field type's validators, then those given, then those of the field's limits (`maxLength`…). */
  readonly validators: Validator[];

  constructor(options: FieldOptions = {}) {
    this.required = options.required ?? true;
    this.label = options.label;
    this.initial = options.initial;
    this.helpText = options.helpText;
    this.widget = options.widget ?? this.defaultWidget();
    this.disabled = options.disabled ?? false;
    this.errorMessages = options.errorMessages ?? {};
    this.validators = [...this.defaultValidators(options), ...(options.validators ?? [])];
  }

  /** The validators every field of this type runs (Django's `default_validators`). Default none. */
  protected defaultValidators(_options: FieldOptions): Validator[] {
    return [];
  }

  /** The widget used when none is given. */
  protected defaultWidget(): Widget {
    return new TextInput();
  }

  /** The values that count as "no value". */
  isEmpty(value: unknown): boolean {
    return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  }

  /** Convert the submitted value; empty values become the field's empty value. */
  toPython(value: unknown): T | null {
    if (this.isEmpty(value)) return null;
    return value as T;
  }

  /** Refuse an empty value of a required field. */
  validate(value: T | null): void {
    if (this.required && this.isEmpty(value)) throw this.error('required', FORM_MESSAGES.required());
  }

  /**
   * Run every validator on a value that is not empty (Django's `run_validators()`), and
   * throw one `ValidationError` with all their errors; `errorMessages` replace theirs by code.
   */
  runValidators(value: T | null): void {
    if (this.isEmpty(value)) return;
    // Made with the first error: most values pass every validator.
    let errors: ValidationError[] | undefined;
    for (const validator of this.validators) {
      try {
        validator(value);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        errors ??= [];
        for (const item of error.errorList) {
          const message = this.errorMessages[item.code];
          errors.push(message === undefined ? item : new ValidationError(message, item.code, item.params));
        }
      }
    }
    if (errors !== undefined && errors.length > 0) throw new ValidationError(errors);
  }

  /** The cleaned value of `value`, or a `ValidationError`: `toPython()`, `validate()`, then `runValidators()`. */
  clean(value: unknown): T | null {
    const converted = this.toPython(value);
    this.validate(converted);
    this.runValidators(converted);
    return converted;
  }

  /** Attributes the widget gets from the field (`maxlength`, `min`, …). */
  widgetAttrs(_widget: Widget): HtmlAttributes {
    return {};
  }

  /** Whether `data` differs from `initial` (for `form.hasChanged()`). */
  hasChanged(initial: unknown, data: unknown): boolean {
    const format = (value: unknown) => this.widget.formatValue(value) ?? '';
    return format(initial) !== format(this.isEmpty(data) ? null : data);
  }

  /** A `ValidationError` with `code`, its message from `errorMessages` when set. */
  protected error(code: string, message: string): ValidationError {
    return new ValidationError(this.errorMessages[code] ?? message, code);
  }
}

/** Options of `CharField`. */
export interface CharFieldOptions extends FieldOptions {
  /** The most characters allowed. Default none. */
  maxLength?: number;
  /** The fewest characters allowed. Default none. */
  minLength?: number;
  /** Trim surrounding whitespace first. Default `true`. */
  strip?: boolean;
  /** The cleaned value of an empty field. Default `''` (`null` for model fields that are nullable). */
  emptyValue?: string | null;
}

/** Django's `CharField`: a string, stripped, with optional length limits, without NUL characters ("Null characters are not allowed."). */
export class CharField extends Field<string> {
  /** {@inheritDoc CharFieldOptions.maxLength} */
  readonly maxLength?: number;
  /** {@inheritDoc CharFieldOptions.minLength} */
  readonly minLength?: number;
  /** {@inheritDoc CharFieldOptions.strip} */
  readonly strip: boolean;
  /** {@inheritDoc CharFieldOptions.emptyValue} */
  readonly emptyValue: string | null;

  constructor(options: CharFieldOptions = {}) {
    super(options);
    this.maxLength = options.maxLength;
    this.minLength = options.minLength;
    this.strip = options.strip ?? true;
    this.emptyValue = options.emptyValue === undefined ? '' : options.emptyValue;
    if (this.minLength !== undefined) this.validators.push(new MinLengthValidator(this.minLength));
    if (this.maxLength !== undefined) this.validators.push(new MaxLengthValidator(this.maxLength));
    this.validators.push(new ProhibitNullCharactersValidator());
  }

  override toPython(value: unknown): string | null {
    if (this.isEmpty(value)) return this.emptyValue;
    if (typeof value === 'object') throw this.error('invalid', FORM_MESSAGES.invalid());
    const text = this.strip ? String(value).trim() : String(value);
    return text === '' ? this.emptyValue : text;
  }

  override widgetAttrs(widget: Widget): HtmlAttributes {
    if (widget.isHidden) return {};
    return { maxlength: this.maxLength, minlength: this.minLength };
  }
}

/** Django's `EmailField`: a `CharField` that `validateEmail` accepts, 320 characters at most by default. */
export class EmailField extends CharField {
  constructor(options: CharFieldOptions = {}) {
    super({ maxLength: 320, ...options });
  }

  protected override defaultWidget(): Widget {
    return new EmailInput();
  }

  protected override defaultValidators(): Validator[] {
    return [validateEmail];
  }
}

/** Options of the number fields. */
export interface NumberFieldOptions extends FieldOptions {
  /** The largest value allowed. Default none. */
  maxValue?: number;
  /** The smallest value allowed. Default none. */
  minValue?: number;
}

// Number patterns that cannot backtrack, so they take time linear in the value: each run
// of digits is followed by a character that cannot be a digit (`.`, `e`, the end). A run
// split between two quantifiers, as in `\d+\.?\d*`, is tried at every split point:
// quadratic time on a long run of digits followed by a letter.
/** Digits, then `.` and zeros (Django drops them: `"3.0"` is 3). */
const INTEGER = /^[+-]?\d+(?:\.0*)?$/;
/** `1`, `1.`, `1.5`, `.5`, each with an optional exponent. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Django's `IntegerField`: a whole number, from `"42"` or `42`. */
export class IntegerField extends Field<number> {
  /** {@inheritDoc NumberFieldOptions.maxValue} */
  readonly maxValue?: number;
  /** {@inheritDoc NumberFieldOptions.minValue} */
  readonly minValue?: number;

  constructor(options: NumberFieldOptions = {}) {
    super(options);
    this.maxValue = options.maxValue;
    this.minValue = options.minValue;
    if (this.maxValue !== undefined) this.validators.push(new MaxValueValidator(this.maxValue));
    if (this.minValue !== undefined) this.validators.push(new MinValueValidator(this.minValue));
  }

  protected override defaultWidget(): Widget {
    return new NumberInput();
  }

  override toPython(value: unknown): number | null {
    if (typeof value === 'string') value = value.trim();
    if (this.isEmpty(value)) return null;
    const number =
      typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number)) throw this.error('invalid', FORM_MESSAGES.invalidInteger());
    return number;
  }

  override widgetAttrs(widget: Widget): HtmlAttributes {
    return widget instanceof NumberInput ? { min: this.minValue, max: this.maxValue } : {};
  }
}

/** Django's `FloatField`: a number, from `"2.5"` or `2.5`. */
export class FloatField extends IntegerField {
  override toPython(value: unknown): number | null {
    if (typeof value === 'string') value = value.trim();
    if (this.isEmpty(value)) return null;
    const number =
      typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(number)) throw this.error('invalid', FORM_MESSAGES.invalidNumber());
    return number;
  }

  override widgetAttrs(widget: Widget): HtmlAttributes {
    return widget instanceof NumberInput ? { ...super.widgetAttrs(widget), step: 'any' } : {};
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The UTC moment of a real calendar day and time of years 1 to 9999 (Python's `date` and
 * `datetime`), or `null`. `setUTCFullYear()`, not `Date.UTC()`, which reads 0–99 as 1900–1999.
 */
function utcDate(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0): Date | null {
  if (year < 1 || month < 1 || month > 12 || day < 1 || hours > 23 || minutes > 59 || seconds > 59) return null;
  const date = new Date(Date.UTC(2000, 0, 1, hours, minutes, seconds));
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDate() === day ? date : null;
}

/** Options of `DateField`. */
export interface DateFieldOptions extends FieldOptions {
  /** Clean to `'YYYY-MM-DD'` strings rather than `Date`s at UTC midnight. Default `false`. */
  asString?: boolean;
}

/** Django's `DateField`: `YYYY-MM-DD` (what `<input type="date">` sends), a real calendar day. */
export class DateField extends Field<Date | string> {
  /** {@inheritDoc DateFieldOptions.asString} */
  readonly asString: boolean;

  constructor(options: DateFieldOptions = {}) {
    super(options);
    this.asString = options.asString ?? false;
  }

  protected override defaultWidget(): Widget {
    return new DateInput();
  }

  override toPython(value: unknown): Date | string | null {
    if (typeof value === 'string') value = value.trim();
    if (this.isEmpty(value)) return null;
    if (value instanceof Date && !Number.isNaN(value.getTime()))
      return this.asString ? value.toISOString().slice(0, 10) : value;
    const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
    const date = match ? utcDate(+match[1]!, +match[2]!, +match[3]!) : null;
    if (!date) throw this.error('invalid', FORM_MESSAGES.invalidDate());
    return this.asString ? (value as string) : date;
  }
}

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?(Z)?$/;

/**
 * Django's `DateTimeField`: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` (what `<input type="datetime-local">`
 * sends) or with seconds; read as UTC.
 */
export class DateTimeField extends Field<Date> {
  protected override defaultWidget(): Widget {
    return new DateTimeInput();
  }

  override toPython(value: unknown): Date | null {
    if (typeof value === 'string') value = value.trim();
    if (this.isEmpty(value)) return null;
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
    const match = typeof value === 'string' ? ISO_DATETIME.exec(value) : null;
    const date = match
      ? utcDate(+match[1]!, +match[2]!, +match[3]!, +(match[4] ?? 0), +(match[5] ?? 0), +(match[6] ?? 0))
      : null;
    if (!date) throw this.error('invalid', FORM_MESSAGES.invalidDateTime());
    return date;
  }
}

/** Django's `BooleanField`: a checkbox. Required means it must be ticked; use `required: false` for a plain yes/no. */
export class BooleanField extends Field<boolean> {
  protected override defaultWidget(): Widget {
    return new CheckboxInput();
  }

  override toPython(value: unknown): boolean {
    if (typeof value === 'string') return !['false', '0', '', 'off'].includes(value.toLowerCase());
    return Boolean(value);
  }

  override validate(value: boolean | null): void {
    if (!value && this.required) throw this.error('required', FORM_MESSAGES.required());
  }

  override hasChanged(initial: unknown, data: unknown): boolean {
    return this.toPython(initial) !== this.toPython(data);
  }
}

/** Options of `ChoiceField`. */
export interface ChoiceFieldOptions extends FieldOptions {
  /** The choices, `[value, label]` in order. */
  choices: readonly Choice[];
}

/** Django's `ChoiceField`: one of `choices`, rendered as a `<select>`; cleans to the choice's value. */
export class ChoiceField extends Field<string | number> {
  /** {@inheritDoc ChoiceFieldOptions.choices} */
  readonly choices: readonly Choice[];

  constructor(options: ChoiceFieldOptions) {
    super({ widget: new Select(options.choices), ...options });
    this.choices = options.choices;
  }

  override toPython(value: unknown): string | number | null {
    if (this.isEmpty(value)) return null;
    if (typeof value === 'object') throw this.error('invalid_choice', FORM_MESSAGES.invalidChoice(''));
    const choice = this.choices.find(([option]) => String(option) === String(value));
    if (!choice) throw this.error('invalid_choice', FORM_MESSAGES.invalidChoice(String(value)));
    return choice[0];
  }
}

/** Django's `MultipleChoiceField`: any number of `choices` (a repeated key, or a JSON array), rendered as `<select multiple>`. */
export class MultipleChoiceField extends Field<Array<string | number>> {
  /** {@inheritDoc ChoiceFieldOptions.choices} */
  readonly choices: readonly Choice[];

  constructor(options: ChoiceFieldOptions) {
    super({ widget: new SelectMultiple(options.choices), ...options });
    this.choices = options.choices;
  }

  override toPython(value: unknown): Array<string | number> {
    if (value === null || value === undefined || value === '') return [];
    if (!Array.isArray(value)) throw this.error('invalid_list', FORM_MESSAGES.invalidList());
    return value.map((item) => {
      const choice =
        typeof item === 'object' ? undefined : this.choices.find(([option]) => String(option) === String(item));
      if (!choice)
        throw this.error('invalid_choice', FORM_MESSAGES.invalidChoice(typeof item === 'object' ? '' : String(item)));
      return choice[0];
    });
  }
}
