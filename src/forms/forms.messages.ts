/**
 * The validation messages of form fields, Django's wording (`django/forms/fields.py`
 * and `django/core/validators.py`). Override one on a field with `errorMessages`.
 */
export const FORM_MESSAGES = {
  required: () => 'This field is required.',
  invalidChoice: (value: string) => `Select a valid choice. ${value} is not one of the available choices.`,
  /** `ModelChoiceField`'s: the row a foreign key names does not exist. */
  invalidModelChoice: () => 'Select a valid choice. That choice is not one of the available choices.',
  maxLength: (limit: number, length: number) =>
    `Ensure this value has at most ${limit} character${limit === 1 ? '' : 's'} (it has ${length}).`,
  minLength: (limit: number, length: number) =>
    `Ensure this value has at least ${limit} character${limit === 1 ? '' : 's'} (it has ${length}).`,
  invalidInteger: () => 'Enter a whole number.',
  invalidNumber: () => 'Enter a number.',
  maxValue: (limit: number) => `Ensure this value is less than or equal to ${limit}.`,
  minValue: (limit: number) => `Ensure this value is greater than or equal to ${limit}.`,
  invalidEmail: () => 'Enter a valid email address.',
  invalidUrl: () => 'Enter a valid URL.',
  invalidSlug: () => 'Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.',
  invalidUnicodeSlug: () => 'Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens.',
  nullCharacters: () => 'Null characters are not allowed.',
  invalidDate: () => 'Enter a valid date.',
  invalidDateTime: () => 'Enter a valid date/time.',
  invalid: () => 'Enter a valid value.',
  invalidList: () => 'Enter a list of values.',
  /** Django's `unique_error_message`: "Book with this Slug already exists." */
  notUnique: (verboseName: string, labels: readonly string[]) =>
    `${verboseName.charAt(0).toUpperCase()}${verboseName.slice(1)} with this ${labels.join(' and ')} already exists.`,
} as const;

/** The codes of Django's validation errors, as `errors.asJson()` reports them. */
export type ValidationCode =
  | 'required'
  | 'invalid_choice'
  | 'max_length'
  | 'min_length'
  | 'invalid'
  | 'max_value'
  | 'min_value'
  | string;
