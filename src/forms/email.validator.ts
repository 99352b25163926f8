import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { FORM_MESSAGES } from './forms.messages.js';
import { ValidationError } from './validation-error.js';
import { CallableValidator, codePoints } from './validators.js';

// Django 4.2's patterns. Each alternative consumes what the others cannot (a dot ends a
// label, a backslash starts an escape), so none backtracks more than a label's 63
// characters, and values over 320 characters are refused before any of them runs.
const DOT_ATOM = /^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(?:\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*$/i;
const QUOTED = /^"(?:[\x01-\x08\x0b\x0c\x0e-\x1f!#-[\]-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*"$/i;
const DOMAIN = /^(?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+[A-Z0-9-]{2,63}(?<!-)$/i;
const LITERAL = /^\[([A-F0-9:.]+)\]$/i;

/** Options of `EmailValidator`. */
export interface EmailValidatorOptions {
  /** The message of a refusal. Default `'Enter a valid email address.'`. */
  message?: string;
  /** The code of a refusal. Default `'invalid'`. */
  code?: string;
  /** Domains taken as they are (Django's `allowlist`). Default `['localhost']`. */
  allowlist?: readonly string[];
}

/**
 * Django's `EmailValidator`: a user part (dot-atom or quoted string), `@`, and a domain
 * of labels (internationalised ones through punycode), an IP literal (`[127.0.0.1]`) or
 * a domain of `allowlist`; at most 320 characters.
 */
export class EmailValidator extends CallableValidator {
  /** The message of a refusal. */
  readonly message: string;
  /** The code of a refusal (`ValidationError.code`). */
  readonly code: string;
  /** Domains accepted though they have no dot (Django's `allowlist`). Default `['localhost']`. */
  readonly allowlist: readonly string[];

  constructor(options: EmailValidatorOptions = {}) {
    super();
    this.message = options.message ?? FORM_MESSAGES.invalidEmail();
    this.code = options.code ?? 'invalid';
    this.allowlist = options.allowlist ?? ['localhost'];
  }

  check(value: unknown): void {
    const text = typeof value === 'string' ? value : '';
    const at = text.lastIndexOf('@');
    if (
      !text ||
      at < 0 ||
      codePoints(text) > 320 ||
      !this.validUser(text.slice(0, at)) ||
      !this.validDomain(text.slice(at + 1))
    ) {
      throw new ValidationError(this.message, this.code, { value });
    }
  }

  private validUser(user: string): boolean {
    return DOT_ATOM.test(user) || QUOTED.test(user);
  }

  private validDomain(domain: string): boolean {
    if (this.allowlist.includes(domain) || this.validDomainPart(domain)) return true;
    // An internationalised domain: its ASCII form (punycode) must be valid.
    const ascii = /^[\x00-\x7f]*$/.test(domain) ? '' : domainToASCII(domain);
    return ascii !== '' && this.validDomainPart(ascii);
  }

  /** Django's `validate_domain_part()`: labels and a top-level label, or an IP literal. */
  protected validDomainPart(domain: string): boolean {
    if (DOMAIN.test(domain)) return true;
    const literal = LITERAL.exec(domain);
    return literal !== null && isIP(literal[1]!) !== 0;
  }
}

/** Django's `validate_email`. */
export const validateEmail = new EmailValidator();
