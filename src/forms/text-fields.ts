import { CharField, type CharFieldOptions } from './fields.js';
import { FORM_MESSAGES } from './forms.messages.js';
import { URLValidator } from './url.validator.js';
import { urlSplit, urlUnsplit } from './url-split.js';
import { RegexValidator, validateSlug, validateUnicodeSlug, type Validator } from './validators.js';
import { URLInput, type Widget } from './widgets.js';

/** Options of `SlugField`. */
export interface SlugFieldOptions extends CharFieldOptions {
  /** Take Unicode letters and digits too (`validateUnicodeSlug`). Default `false`: ASCII only (`validateSlug`). */
  allowUnicode?: boolean;
}

/** Django's `SlugField`: letters, digits, underscores and hyphens (`my-first-post`). */
export class SlugField extends CharField {
  /** Whether Unicode letters and digits are taken. */
  readonly allowUnicode: boolean;

  constructor(options: SlugFieldOptions = {}) {
    super(options);
    this.allowUnicode = options.allowUnicode ?? false;
  }

  protected override defaultValidators(options: SlugFieldOptions): Validator[] {
    return [options.allowUnicode ? validateUnicodeSlug : validateSlug];
  }
}

/**
 * Django's `URLField`: a URL that `URLValidator` accepts; `example.com` becomes
 * `http://example.com`. Rendered as `<input type="url">`.
 */
export class URLField extends CharField {
  protected override defaultWidget(): Widget {
    return new URLInput();
  }

  protected override defaultValidators(): Validator[] {
    return [new URLValidator()];
  }

  override toPython(value: unknown): string | null {
    const text = super.toPython(value);
    if (!text) return text;
    let parts = this.split(text);
    // No scheme: http. No domain: the path holds it.
    if (!parts.scheme) parts.scheme = 'http';
    if (!parts.netloc) {
      parts = this.split(urlUnsplit({ ...parts, netloc: parts.path, path: '' }));
    }
    return urlUnsplit(parts);
  }

  private split(url: string) {
    const parts = urlSplit(url);
    if (!parts) throw this.error('invalid', FORM_MESSAGES.invalidUrl());
    return parts;
  }
}

/**
 * Django's `RegexField`: a `CharField` whose value must contain a match of `regex`
 * ("Enter a valid value."). Not stripped unless `strip: true`. See `RegexValidator`
 * about patterns that stay fast on long values.
 */
export class RegexField extends CharField {
  /** The pattern the value must match. */
  readonly regex: RegExp;

  constructor(regex: RegExp | string, options: CharFieldOptions = {}) {
    super({ strip: false, ...options });
    const validator = new RegexValidator(regex);
    this.regex = validator.regex;
    this.validators.push(validator);
  }
}
