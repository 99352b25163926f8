/**
 * Markup that renders itself: templates print it as is (Django's `__html__()`), so
 * `{{ form }}` and `{{ form.title }}` are not escaped again while every value inside
 * them was. Forms and the CSRF field make it without knowing the template engine; each
 * engine adapts it (the nunjucks engine makes it one of nunjucks' `SafeString`s).
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

/** A string of trusted markup (the widgets' output, the CSRF field). */
export class Markup extends SafeHtml {
  constructor(private readonly html: string) {
    super();
  }

  toHtml(): string {
    return this.html;
  }
}
