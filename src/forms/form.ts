import { BoundField } from './bound-field.js';
import { ErrorDict, type ErrorList, NON_FIELD_ERRORS } from './error-list.js';
import type { Field } from './fields.js';
import { MultiValueDict, type FormInput } from './multi-value-dict.js';
import { SafeHtml } from '../templates/safe-html.js';
import { escapeHtml } from './html.js';
import { ValidationError } from './validation-error.js';
import { isThenable } from '../utils/is-thenable.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { codedError } from '../utils/coded-message.js';
import { MESSAGES } from '../class-views.messages.js';

/** The key of `Form`'s `isValid()` without a promise (`form[IS_VALID_NOW]()`), for the editing views. @internal */
export const IS_VALID_NOW = Symbol('nestjs-class-views:is-valid-now');

/** What a form is built with (Django's form constructor arguments; `FormMixin.getFormKwargs()` returns them). */
export interface FormOptions {
  /** The submitted data: binds the form. `null`/absent: an unbound form. */
  data?: FormInput | null;
  /** Values an unbound form shows, by field name (they win over each field's `initial`). */
  initial?: Record<string, unknown>;
  /** Prefix of every field's HTML name (`book` → `book-title`), for several forms in one `<form>`. */
  prefix?: string | null;
  /** The `id` of each element; `%s` is the HTML name. `false` for none. Default `'id_%s'`. */
  autoId?: string | false;
  /** The object a model form edits (set by `ModelFormMixin`). */
  instance?: object | null;
  /** Where a model form saves (a data source, or a function giving one). Default: the model's repository. */
  source?: ObjectSource<any> | (() => ObjectSource<any> | Promise<ObjectSource<any>>);
}

/** A form class: what `formClass` names and `getFormClass()` returns. */
export type FormClass<F extends Form = Form> = (new (
  options?: FormOptions,
) => F) & {
  /** The declared fields, in order. */
  readonly fields: Readonly<Record<string, Field>>;
};

/**
 * Django's `Form`: declared fields, bound to submitted data or not, validated by
 * `isValid()`, rendered by templates (`{{ form }}`: Django 5's `<div>` layout;
 * `{{ form.title }}`: one field's widget). Validation is async (`await form.isValid()`),
 * since a schema or a `clean()` may be.
 *
 * @example
 * class ContactForm extends Form {
 *   static override fields = {
 *     subject: new CharField({ maxLength: 100 }),
 *     email: new EmailField(),
 *     message: new CharField({ widget: new Textarea() }),
 *   };
 * }
 */
export class Form extends SafeHtml {
  /** The declared fields, in order. Override with `static override fields = { … }`. */
  static fields: Readonly<Record<string, Field>> = {};

  /** The fields of this form (the class's, unless changed for this instance). */
  readonly fields: Record<string, Field>;
  /** Whether the form was given data. */
  readonly isBound: boolean;
  /** The submitted data. */
  readonly data: MultiValueDict;
  /** {@inheritDoc FormOptions.initial} */
  readonly initial: Record<string, unknown>;
  /** {@inheritDoc FormOptions.prefix} */
  readonly prefix: string | null;
  /** {@inheritDoc FormOptions.autoId} */
  readonly autoId: string | false;
  /** The object a model form edits, or `null`. */
  readonly instance: object | null;
  /** The valid values by field name, filled by `isValid()`. */
  cleanedData: Record<string, any> = {};

  /** Appended to each label by `labelTag()`. Default `':'`. */
  labelSuffix = ':';
  /** Whether required fields get the `required` attribute. Default `true`. */
  useRequiredAttribute = true;
  /** CSS class of a required field's `<div>` and `<label>`. Default `''`. */
  requiredCssClass = '';
  /** CSS class of a field's `<div>` when it has errors. Default `''`. */
  errorCssClass = '';

  private validated: ErrorDict | null = null;
  /** The bound fields made so far, by name (made with the first one: a valid POST needs none). */
  private bound: Map<string, BoundField> | undefined = undefined;

  constructor(options: FormOptions = {}) {
    super();
    const fields = (this.constructor as typeof Form).fields;
    this.fields = { ...fields };
    this.isBound = options.data !== null && options.data !== undefined;
    this.data = new MultiValueDict(options.data);
    const instance = options.instance ?? null;
    this.instance = instance;
    // A model form shows the values of the object it edits, unless `initial` says otherwise.
    this.initial = instance
      ? { ...valuesOf(instance, Object.keys(fields)), ...options.initial }
      : { ...options.initial };
    this.prefix = options.prefix ?? null;
    this.autoId = options.autoId ?? 'id_%s';
    // `form.title` in templates: a getter per declared field on the class (once). A field named
    // like a member of Form stays reachable as `form.field('name')`.
    const prototype = Object.getPrototypeOf(this) as object;
    if (!fieldGetters.has(prototype)) {
      fieldGetters.add(prototype);
      for (const name of Object.keys(fields)) {
        if (!isFormMember(this, name))
          Object.defineProperty(prototype, name, { get: fieldGetter(name), configurable: true, enumerable: false });
      }
    }
  }

  /** The bound field `name` (Django's `form[name]`). */
  field(name: string): BoundField {
    const field = this.fields[name];
    if (!field)
      throw codedError(Error, MESSAGES.formFieldNotFound(name, this.constructor.name, Object.keys(this.fields)));
    const made = (this.bound ??= new Map());
    let bound = made.get(name);
    if (!bound) made.set(name, (bound = new BoundField(this, field, name)));
    return bound;
  }

  /** Every bound field, in order (`{% for field in form %}`). */
  boundFields(): BoundField[] {
    return Object.keys(this.fields).map((name) => this.field(name));
  }

  /** The bound fields, in order (Django's iteration over a form: `{% for field in form %}`). */
  [Symbol.iterator](): Iterator<BoundField> {
    return this.boundFields()[Symbol.iterator]();
  }

  /** The hidden fields. */
  hiddenFields(): BoundField[] {
    return this.boundFields().filter((field) => field.isHidden);
  }

  /** The fields that are not hidden. */
  visibleFields(): BoundField[] {
    return this.boundFields().filter((field) => !field.isHidden);
  }

  /** `name` with the form's prefix (`book-title`). */
  addPrefix(name: string): string {
    return this.prefix ? `${this.prefix}-${name}` : name;
  }

  /** The submitted value of field `name`, as its widget reads it. */
  rawValue(name: string): unknown {
    return this.fields[name]!.widget.valueFromData(this.data, this.addPrefix(name));
  }

  /** The errors: empty until `isValid()` (or `fullClean()`) ran, and for an unbound form. */
  get errors(): ErrorDict {
    return this.validated ?? EMPTY_ERRORS;
  }

  /** Validate the data once; `true` when the form is bound and every field is valid. */
  async isValid(): Promise<boolean> {
    if (!this.isBound) return false;
    if (!this.validated) await this.fullClean();
    return this.errors.length === 0;
  }

  /**
   * Django's `full_clean()`: clean each field, then call its `clean<Name>()` if the form
   * has one (`cleanTitle()` for `title`; its result replaces the value, a `ValidationError`
   * it throws is the field's), then `clean()`, then `postClean()`. Fills `cleanedData` and `errors`.
   */
  async fullClean(): Promise<void> {
    const pending = this.#clean();
    if (isThenable(pending)) await pending;
  }

  /**
   * `isValid()`, without a promise when nothing the form runs to clean itself is async: what
   * the editing views call, so that a form of sync fields and hooks costs no promise and no
   * wait. A form with its own `isValid()` or `fullClean()` is asked through them. @internal
   */
  [IS_VALID_NOW](): boolean | Promise<boolean> {
    if (this.isValid !== Form.prototype.isValid) return this.isValid();
    if (!this.isBound) return false;
    if (this.validated === null) {
      const pending = this.fullClean === Form.prototype.fullClean ? this.#clean() : this.fullClean();
      // Whatever a hook returned: only a thenable is waited for, as `await` would.
      if (isThenable(pending)) return Promise.resolve(pending).then(() => this.errors.length === 0);
    }
    return this.errors.length === 0;
  }

  /**
   * What `fullClean()` does: each field in order, then `clean()`, then `postClean()`. Runs
   * synchronously up to the first hook that returns a promise; the rest then runs after it,
   * in the same order, and the promise of that is returned.
   */
  #clean(): void | Promise<void> {
    this.validated = new ErrorDict();
    this.cleanedData = {};
    if (!this.isBound) return;
    // Names, not [name, field] pairs: no pair is made per field and request.
    const names = Object.keys(this.fields);
    for (let i = 0; i < names.length; i++) {
      const pending = this.#cleanField(names[i]!);
      if (pending !== undefined) return this.#cleanRest(names, i + 1, pending);
    }
    return this.#cleanWhole();
  }

  /** `#clean()` from field `from` on, once the hook of the field before it has settled. */
  async #cleanRest(names: readonly string[], from: number, pending: Promise<void>): Promise<void> {
    await pending;
    for (let i = from; i < names.length; i++) {
      const next = this.#cleanField(names[i]!);
      if (next !== undefined) await next;
    }
    await this.#cleanWhole();
  }

  /**
   * Clean field `name` into `cleanedData` (its field's `clean()`, then the form's
   * `clean<Name>()`), or file its error; a promise when that hook returns one.
   */
  #cleanField(name: string): void | Promise<void> {
    const field = this.fields[name]!;
    const value = field.disabled ? this.field(name).initial : this.rawValue(name);
    try {
      this.cleanedData[name] = field.clean(value);
      const hook = name ? (this as unknown as Record<string, unknown>)[cleanHookName(name)] : undefined;
      if (typeof hook !== 'function') return;
      const result = hook.call(this) as unknown;
      if (!isThenable(result)) {
        this.cleanedData[name] = result;
        return;
      }
      return Promise.resolve(result).then(
        (cleaned) => {
          this.cleanedData[name] = cleaned;
        },
        (error: unknown) => this.addError(name, error),
      );
    } catch (error) {
      this.addError(name, error);
    }
  }

  /** The form's `clean()` (its result, if any, replaces `cleanedData`), then `postClean()`. */
  #cleanWhole(): void | Promise<void> {
    let result: ReturnType<Form['clean']>;
    try {
      result = this.clean();
    } catch (error) {
      this.addError(null, error);
      return this.postClean();
    }
    if (!isThenable<Record<string, any> | void>(result)) {
      if (result) this.cleanedData = result;
      return this.postClean();
    }
    return Promise.resolve(result).then(
      (cleaned) => {
        if (cleaned) this.cleanedData = cleaned;
        return this.postClean();
      },
      (error: unknown) => {
        this.addError(null, error);
        return this.postClean();
      },
    );
  }

  /**
   * Validate the form as a whole, after its fields (Django's `clean()`): throw a
   * `ValidationError` or call `addError()`; return new cleaned data, or nothing.
   */
  clean(): Record<string, any> | void | Promise<Record<string, any> | void> {}

  /** A hook after `clean()`, for schema and model forms. */
  protected postClean(): void | Promise<void> {}

  /**
   * File `error` under `field` (`null`: the non-field errors) and drop the field from
   * `cleanedData`. Anything but a `ValidationError` is rethrown: a bug is not a form error.
   */
  addError(field: string | null, error: unknown): void {
    if (!(error instanceof ValidationError)) {
      if (typeof error === 'string') error = new ValidationError(error);
      else throw error;
    }
    if (!this.validated) this.validated = new ErrorDict();
    const key = field !== null && field in this.fields ? field : NON_FIELD_ERRORS;
    this.validated.add(key, error as ValidationError);
    if (field !== null) delete this.cleanedData[field];
  }

  /** Whether `field` has errors (and, with `code`, one with that code). */
  hasError(field: string | null, code?: string): boolean {
    const list = this.errors.get(field ?? NON_FIELD_ERRORS);
    return code === undefined ? list.length > 0 : list.getJsonData().some((error) => error.code === code);
  }

  /** The errors that belong to no field. */
  nonFieldErrors(): ErrorList {
    return this.errors.get(NON_FIELD_ERRORS);
  }

  /** The names of the fields whose submitted value differs from the initial one. */
  get changedData(): string[] {
    if (!this.isBound) return [];
    return Object.entries(this.fields)
      .filter(([name, field]) => !field.disabled && field.hasChanged(this.field(name).initial, this.rawValue(name)))
      .map(([name]) => name);
  }

  /** Whether any submitted value differs from the initial one. */
  hasChanged(): boolean {
    return this.changedData.length > 0;
  }

  /** Django 5's `<div>` layout: each visible field's label, help text, errors and widget. */
  asDiv(): string {
    const hidden = this.hiddenFields();
    const topErrors =
      this.nonFieldErrors().toHtml() +
      hidden.map((field) => (field.errors.length ? field.errors.toHtml() : '')).join('');
    const visible = this.visibleFields();
    const hiddenHtml = hidden.map((field) => field.toHtml()).join('');
    let html = topErrors;
    visible.forEach((field, index) => {
      const classes = field.cssClasses();
      html += `<div${classes ? ` class="${escapeHtml(classes)}"` : ''}>`;
      if (field.label) html += field.labelTag().toHtml();
      if (field.helpText)
        html += `<div class="helptext"${field.autoId ? ` id="${escapeHtml(field.autoId)}_helptext"` : ''}>${field.helpText}</div>`;
      html += field.errors.toHtml();
      html += field.toHtml();
      if (index === visible.length - 1) html += hiddenHtml;
      html += '</div>';
    });
    if (visible.length === 0) html += hiddenHtml;
    return html;
  }

  toHtml(): string {
    return this.asDiv();
  }

  // Django's names, as templates written for Django use them.
  /** `asDiv()` under Django's name, for templates (`{{ form.as_div() }}`). */
  as_div(): string {
    return this.asDiv();
  }
  /** `nonFieldErrors()` under Django's name, for templates. */
  non_field_errors(): ErrorList {
    return this.nonFieldErrors();
  }
  /** `isBound` under Django's name, for templates. */
  get is_bound(): boolean {
    return this.isBound;
  }
  /** `hiddenFields()` under Django's name, for templates. */
  hidden_fields(): BoundField[] {
    return this.hiddenFields();
  }
  /** `visibleFields()` under Django's name, for templates. */
  visible_fields(): BoundField[] {
    return this.visibleFields();
  }
}

const EMPTY_ERRORS = new ErrorDict();

/** The `clean<Name>()` hook names made so far: a form's fields are the same on every request. */
const cleanHookNames = new Map<string, string>();

/** The per-field hook of `name`: `cleanTitle` for `title`, `cleanPublicationDate` for `publicationDate`. */
function cleanHookName(name: string): string {
  let hook = cleanHookNames.get(name);
  if (hook === undefined) {
    hook = `clean${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    if (cleanHookNames.size < 1000) cleanHookNames.set(name, hook);
  }
  return hook;
}

function valuesOf(instance: object | null, names: readonly string[]): Record<string, unknown> {
  if (!instance) return {};
  const values: Record<string, unknown> = {};
  for (const name of names) if (name in instance) values[name] = (instance as Record<string, unknown>)[name];
  return values;
}

/** The form classes whose prototypes have their fields' getters. */
const fieldGetters = new WeakSet<object>();

function fieldGetter(name: string): (this: Form) => BoundField {
  return function (this: Form) {
    return this.field(name);
  };
}

/** Whether `name` is a member of the form itself (its class chain up to `SafeHtml`, not `String.prototype`). */
function isFormMember(form: Form, name: string): boolean {
  if (Object.hasOwn(form, name)) return true;
  for (
    let proto = Object.getPrototypeOf(form);
    proto && proto !== SafeHtml.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    if (Object.hasOwn(proto, name)) return true;
  }
  return Object.hasOwn(SafeHtml.prototype, name);
}
