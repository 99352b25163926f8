import { escapeHtml, type HtmlAttributes, renderAttributes } from './html.js';
import type { MultiValueDict } from './multi-value-dict.js';

/**
 * Django's `Widget`: renders a field as HTML and reads its value back from the data.
 * Subclass it for other inputs; `attrs` are added to every rendering.
 */
export abstract class Widget {
  /** Whether the widget is a hidden input (laid out apart by `{{ form }}`). */
  readonly isHidden: boolean = false;

  constructor(
    /** Attributes added to the element (`{ class: 'wide' }`). Default `{}`. */
    readonly attrs: HtmlAttributes = {},
  ) {}

  /** The value as the element shows it, or `null` for none (a list or an object shows nothing). */
  formatValue(value: unknown): string | null {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
    return textOf(value);
  }

  /** The element for `name` showing `value`, with `attrs` after the widget's own. */
  abstract render(name: string, value: unknown, attrs?: HtmlAttributes): string;

  /** The value submitted for `name`: the last one when the key repeats. */
  valueFromData(data: MultiValueDict, name: string): unknown {
    return data.get(name);
  }

  /** Whether the data leaves this field out entirely. */
  valueOmittedFromData(data: MultiValueDict, name: string): boolean {
    return !data.has(name);
  }

  /** Whether a required field gets the `required` attribute. */
  useRequiredAttribute(): boolean {
    return !this.isHidden;
  }
}

/** Django's `Input`: `<input type="…">`. */
export class Input extends Widget {
  /** The `type` attribute. */
  readonly inputType: string = 'text';

  render(name: string, value: unknown, attrs: HtmlAttributes = {}): string {
    const formatted = this.formatValue(value);
    return `<input${renderAttributes({ type: this.inputType, name, value: formatted, ...this.attrs, ...attrs })}>`;
  }
}

/** `<input type="text">`. */
export class TextInput extends Input {
  override readonly inputType = 'text';
}

/** `<input type="number">`. */
export class NumberInput extends Input {
  override readonly inputType = 'number';
}

/** `<input type="email">`. */
export class EmailInput extends Input {
  override readonly inputType = 'email';
}

/** `<input type="url">`. */
export class URLInput extends Input {
  override readonly inputType = 'url';
}

/** `<input type="date">`: browsers submit `YYYY-MM-DD`. */
export class DateInput extends Input {
  override readonly inputType = 'date';
}

/** `<input type="datetime-local">`: browsers submit `YYYY-MM-DDTHH:MM`. */
export class DateTimeInput extends Input {
  override readonly inputType = 'datetime-local';

  override formatValue(value: unknown): string | null {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 16);
    return super.formatValue(value);
  }
}

/** `<input type="hidden">`. */
export class HiddenInput extends Input {
  override readonly inputType = 'hidden';
  override readonly isHidden = true;
}

/** `<textarea>`, 40 columns and 10 rows as in Django. */
export class Textarea extends Widget {
  render(name: string, value: unknown, attrs: HtmlAttributes = {}): string {
    const text = this.formatValue(value) ?? '';
    return `<textarea${renderAttributes({ name, cols: 40, rows: 10, ...this.attrs, ...attrs })}>\n${escapeHtml(text)}</textarea>`;
  }
}

/** Django's `CheckboxInput`: checked for a true value; an absent key means `false`. */
export class CheckboxInput extends Widget {
  override formatValue(value: unknown): string | null {
    return typeof value === 'boolean' ? null : textOf(value);
  }

  render(name: string, value: unknown, attrs: HtmlAttributes = {}): string {
    const checked = isChecked(value);
    return `<input${renderAttributes({ type: 'checkbox', name, value: this.formatValue(value), ...this.attrs, ...attrs, checked })}>`;
  }

  /** Django's reading: absent → false; `'true'`/`'on'`/anything else → true; `'false'`, `'0'`, `''` → false. */
  override valueFromData(data: MultiValueDict, name: string): boolean {
    if (!data.has(name)) return false;
    const value = data.get(name);
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') return !['false', '0', '', 'off'].includes(value.toLowerCase());
    return Boolean(value);
  }

  /** A checkbox left unticked sends nothing, so it is never "omitted". */
  override valueOmittedFromData(): boolean {
    return false;
  }
}

/**
 * A submitted scalar as text; `null` for none, and for a list or an object: a JSON body
 * may nest them thousands deep, and `String()` would recurse through every level.
 */
export function textOf(value: unknown): string | null {
  if (value === '' || value === null || value === undefined || typeof value === 'object' || typeof value === 'function')
    return null;
  return String(value);
}

function isChecked(value: unknown): boolean {
  if (typeof value === 'string') return !['false', '0', '', 'off'].includes(value.toLowerCase());
  return Boolean(value);
}

/** One `<option>`: the value submitted, the label shown. */
export type Choice = readonly [value: string | number, label: string];

/** `<select>` with its options; the current value is `selected`. */
export class Select extends Widget {
  constructor(
    /** The options, in order. */
    public choices: readonly Choice[] = [],
    attrs: HtmlAttributes = {},
  ) {
    super(attrs);
  }

  render(name: string, value: unknown, attrs: HtmlAttributes = {}): string {
    const current = textOf(value) ?? '';
    const options = this.choices
      .map(
        ([optionValue, label]) =>
          `  <option${renderAttributes({ value: String(optionValue), selected: String(optionValue) === current })}>${escapeHtml(label)}</option>\n`,
      )
      .join('');
    return `<select${renderAttributes({ name, ...this.attrs, ...attrs })}>\n${options}</select>`;
  }
}

/** `<select multiple>`: every selected option is submitted under the same name (read with `getList()`). */
export class SelectMultiple extends Select {
  override render(name: string, value: unknown, attrs: HtmlAttributes = {}): string {
    const current = new Set((Array.isArray(value) ? value : [value]).map(textOf).filter((text) => text !== null));
    const options = this.choices
      .map(
        ([optionValue, label]) =>
          `  <option${renderAttributes({ value: String(optionValue), selected: current.has(String(optionValue)) })}>${escapeHtml(label)}</option>\n`,
      )
      .join('');
    return `<select${renderAttributes({ name, ...this.attrs, ...attrs, multiple: true })}>\n${options}</select>`;
  }

  /** All the values of `name`, in order. */
  override valueFromData(data: MultiValueDict, name: string): unknown[] {
    return data.getList(name);
  }

  /** Nothing selected sends nothing, so it is never "omitted". */
  override valueOmittedFromData(): boolean {
    return false;
  }
}
