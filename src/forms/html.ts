import nunjucks from 'nunjucks';

/** Escape `&`, `<`, `>`, `"` and `'` for HTML text and attribute values (Django's `escape`). */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/** HTML attributes: `true` renders the bare name, `false`/`null`/`undefined` leave it out. */
export type HtmlAttributes = Record<string, string | number | boolean | null | undefined>;

/** Render attributes in order, each value escaped: ` name="value" required`. */
export function renderAttributes(attrs: HtmlAttributes): string {
  let html = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    html += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return html;
}

/**
 * Markup that renders itself: templates print it as is (Django's `__html__()`), so
 * `{{ form }}` and `{{ form.title }}` are not escaped again while every value inside
 * them was. Its prototype chain holds nunjucks' `SafeString`, which is how nunjucks
 * knows not to escape it.
 */
export abstract class SafeHtml {
  /** The markup. */
  abstract toHtml(): string;

  /** Django's protocol for objects that render themselves as HTML. */
  __html__(): string {
    return this.toHtml();
  }

  /** The markup, for string concatenation and templates. */
  toString(): string {
    return this.toHtml();
  }

  /** The markup, for comparisons and `+`. */
  valueOf(): string {
    return this.toHtml();
  }
}
Object.setPrototypeOf(SafeHtml.prototype, nunjucks.runtime.SafeString.prototype);

/** A string of trusted markup (the widgets' output). */
export class Markup extends SafeHtml {
  /** @param html - markup already escaped where needed; printed as is. */
  constructor(private readonly html: string) {
    super();
  }

  /** The markup given to the constructor. */
  toHtml(): string {
    return this.html;
  }
}
