import { SafeHtml } from '../templates/safe-html.js';
import { escapeHtml } from './html.js';
import { pythonJsonDumps } from '../utils/python-json.js';
import type { ValidationError } from './validation-error.js';

/** One error as `asJson()` reports it (Django's `get_json_data()`). */
export interface ErrorData {
  /** The message, placeholders filled in. */
  message: string;
  /** The error's code (`'required'`, `'invalid'`, …). */
  code: string;
}

/**
 * Django's `ErrorList`: the errors of one field (or the non-field errors), rendered as
 * `<ul class="errorlist"><li>…</li></ul>`, or nothing when empty. `length` is the number of
 * errors, so templates test `{% if form.title.errors.length %}`.
 */
export class ErrorList extends SafeHtml implements Iterable<string> {
  private readonly items: ValidationError[] = [];

  constructor(
    /** Extra CSS class (`nonfield` for the non-field errors). */
    readonly errorClass: string | null = null,
  ) {
    super();
  }

  /** Add an error (each of them, for one that carries several). */
  add(error: ValidationError): void {
    this.items.push(...error.errorList);
  }

  /** The number of errors. */
  get length(): number {
    return this.items.length;
  }

  /** The messages, in order. */
  get messages(): string[] {
    return this.items.map((error) => error.message);
  }

  /** The messages, in order (`{% for error in field.errors %}`). */
  [Symbol.iterator](): Iterator<string> {
    return this.messages[Symbol.iterator]();
  }

  /** `[{ message, code }]`; with `escape`, each message HTML-escaped. Django's `get_json_data()`. */
  getJsonData(escape = false): ErrorData[] {
    return this.items.map((error) => ({
      message: escape ? escapeHtml(error.message) : error.message,
      code: String(error.code),
    }));
  }

  /** Django's `as_json()`: `getJsonData()` written as Python's `json.dumps()` writes it. */
  asJson(escape = false): string {
    return pythonJsonDumps(this.getJsonData(escape));
  }

  toHtml(): string {
    if (this.items.length === 0) return '';
    const css = this.errorClass ? `errorlist ${this.errorClass}` : 'errorlist';
    return `<ul class="${css}">${this.items.map((error) => `<li>${escapeHtml(error.message)}</li>`).join('')}</ul>`;
  }

  /** The messages, for JSON answers. */
  toJSON(): string[] {
    return this.messages;
  }
}

/** The key of the non-field errors in `errors`, Django's `NON_FIELD_ERRORS`. */
export const NON_FIELD_ERRORS = '__all__';

/**
 * Django's `ErrorDict`: an `ErrorList` per field with errors, `__all__` for the others.
 * `asJson()` is Django's `as_json()` shape: `{"title": [{"message": "…", "code": "required"}]}`.
 */
export class ErrorDict extends SafeHtml {
  /** The lists by field, made with the first error: a valid form needs none. */
  private lists: Map<string, ErrorList> | undefined = undefined;

  /** The errors of `field` (empty when none). */
  get(field: string): ErrorList {
    return this.lists?.get(field) ?? new ErrorList(field === NON_FIELD_ERRORS ? 'nonfield' : null);
  }

  /** Add an error under `field`. */
  add(field: string, error: ValidationError): void {
    const lists = (this.lists ??= new Map());
    let list = lists.get(field);
    if (!list) lists.set(field, (list = new ErrorList(field === NON_FIELD_ERRORS ? 'nonfield' : null)));
    list.add(error);
  }

  /** Whether `field` has errors. */
  has(field: string): boolean {
    return this.lists?.has(field) ?? false;
  }

  /** The number of fields with errors. */
  get length(): number {
    return this.lists?.size ?? 0;
  }

  /** The fields with errors, in order. */
  keys(): string[] {
    return this.lists ? [...this.lists.keys()] : [];
  }

  /** `{ field: [messages] }`, what a JSON client gets with a 422. */
  toJSON(): Record<string, string[]> {
    return Object.fromEntries(this.fieldLists().map(([field, list]) => [field, list.messages]));
  }

  /** Django's `get_json_data()`: `{ field: [{ message, code }] }`; with `escape`, each message HTML-escaped. */
  getJsonData(escape = false): Record<string, ErrorData[]> {
    return Object.fromEntries(this.fieldLists().map(([field, list]) => [field, list.getJsonData(escape)]));
  }

  /**
   * Django's `as_json()`, byte for byte: `getJsonData()` written as Python's `json.dumps()`
   * writes it (`{"title": [{"message": "This field is required.", "code": "required"}]}`,
   * non-ASCII as `\u201c`).
   */
  asJson(escape = false): string {
    return pythonJsonDumps(this.getJsonData(escape));
  }

  /** Each field with its list, in order. */
  private fieldLists(): Array<[string, ErrorList]> {
    return this.lists ? [...this.lists] : [];
  }

  toHtml(): string {
    if (this.length === 0) return '';
    const items = this.fieldLists()
      .map(([field, list]) => `<li>${escapeHtml(field)}${list.toHtml()}</li>`)
      .join('');
    return `<ul class="errorlist">${items}</ul>`;
  }
}
