import type { Field } from './fields.js';
import type { Form } from './form.js';
import { Markup, SafeHtml } from '../templates/safe-html.js';
import { escapeHtml, type HtmlAttributes, renderAttributes } from './html.js';
import type { ErrorList } from './error-list.js';

/**
 * Django's `BoundField`: one field of one form, with its data. `{{ form.title }}` renders
 * its widget with the current value; `label`, `idForLabel`, `htmlName`, `value()`,
 * `errors`, `labelTag()` let a template lay the field out by hand. The template names
 * Django uses work too: `label_tag()`, `html_name`, `id_for_label`, `auto_id`, `help_text`.
 */
export class BoundField extends SafeHtml {
  /** The field's name prefixed as in the HTML (`book-title` with prefix `book`). */
  readonly htmlName: string;
  /** The label. */
  readonly label: string;
  /** The help text (trusted HTML). */
  readonly helpText: string;

  constructor(
    /** The form the field belongs to. */
    readonly form: Form,
    /** The field, as the form declares it. */
    readonly field: Field,
    /** The field's name in the form. */
    readonly name: string,
  ) {
    super();
    this.htmlName = form.addPrefix(name);
    this.label = field.label ?? prettyName(name);
    this.helpText = field.helpText ?? '';
  }

  /** The errors of this field (empty for an unbound or valid form). */
  get errors(): ErrorList {
    return this.form.errors.get(this.name);
  }

  /** The element id (`id_title`), or `''` when the form's `autoId` is off. */
  get autoId(): string {
    const autoId = this.form.autoId;
    return autoId ? autoId.replace('%s', this.htmlName) : '';
  }

  /** The id a `<label for>` points at. */
  get idForLabel(): string {
    return (this.field.widget.attrs.id as string | undefined) ?? this.autoId;
  }

  /** Whether the widget is a hidden input. */
  get isHidden(): boolean {
    return this.field.widget.isHidden;
  }

  /** The value the widget shows: the submitted one when bound, else the initial one. */
  value(): unknown {
    const initial = this.initial;
    if (!this.form.isBound || this.field.disabled) return initial;
    return this.form.rawValue(this.name);
  }

  /** The initial value: the form's `initial`, else the field's. */
  get initial(): unknown {
    const value = this.form.initial[this.name] ?? this.field.initial;
    return typeof value === 'function' ? (value as () => unknown)() : value;
  }

  /** The widget's HTML, with `required`, `id`, `aria-*` and the field's attributes. */
  asWidget(attrs: HtmlAttributes = {}): Markup {
    const widget = this.field.widget;
    const all: HtmlAttributes = { ...this.field.widgetAttrs(widget) };
    if (this.field.required && widget.useRequiredAttribute() && this.form.useRequiredAttribute) all.required = true;
    if (this.field.disabled) all.disabled = true;
    if (this.autoId && widget.attrs.id === undefined) all.id = this.autoId;
    if (this.helpText && this.autoId && !widget.isHidden) all['aria-describedby'] = `${this.autoId}_helptext`;
    if (this.form.isBound && this.errors.length > 0) all['aria-invalid'] = 'true';
    return new Markup(widget.render(this.htmlName, this.value(), { ...all, ...attrs }));
  }

  /** `<label for="id_title">Title:</label>`; `contents` and `suffix` replace the label and `:`. */
  labelTag(contents?: string, attrs: HtmlAttributes = {}, suffix: string = this.form.labelSuffix): Markup {
    let text = escapeHtml(contents ?? this.label);
    if (suffix && !/[:?.!]$/.test(text)) text += escapeHtml(suffix);
    const id = this.idForLabel;
    const all: HtmlAttributes = { for: id || undefined, ...attrs };
    if (this.field.required && this.form.requiredCssClass)
      all.class = [all.class, this.form.requiredCssClass].filter(Boolean).join(' ');
    return new Markup(`<label${renderAttributes(all)}>${text}</label>`);
  }

  /** The CSS classes of the field's `<div>` (`requiredCssClass`, `errorCssClass`). */
  cssClasses(): string {
    const classes: string[] = [];
    if (this.errors.length > 0 && this.form.errorCssClass) classes.push(this.form.errorCssClass);
    if (this.field.required && this.form.requiredCssClass) classes.push(this.form.requiredCssClass);
    return classes.join(' ');
  }

  toHtml(): string {
    return this.asWidget().toHtml();
  }

  // Django's names, as templates written for Django use them.
  /** `labelTag()` under Django's name, for templates. */
  label_tag(contents?: string, attrs?: HtmlAttributes, suffix?: string): Markup {
    return this.labelTag(contents, attrs, suffix);
  }
  /** `htmlName` under Django's name, for templates. */
  get html_name(): string {
    return this.htmlName;
  }
  /** `idForLabel` under Django's name, for templates. */
  get id_for_label(): string {
    return this.idForLabel;
  }
  /** `autoId` under Django's name, for templates. */
  get auto_id(): string {
    return this.autoId;
  }
  /** `helpText` under Django's name, for templates. */
  get help_text(): string {
    return this.helpText;
  }
  /** `isHidden` under Django's name, for templates. */
  get is_hidden(): boolean {
    return this.isHidden;
  }
  /** `cssClasses()` under Django's name, for templates. */
  css_classes(): string {
    return this.cssClasses();
  }
}

/** Django's `pretty_name`, for camel case too: `publicationDate` and `publication_date` → `Publication date`. */
export function prettyName(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
