import { isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { FORM_MESSAGES } from './forms.messages.js';
import { urlSplit } from './url-split.js';
import { ValidationError } from './validation-error.js';
import { CallableValidator, codePoints } from './validators.js';

/** Options of `URLValidator`. */
export interface URLValidatorOptions {
  /** The schemes allowed, lower case. Default `['http', 'https', 'ftp', 'ftps']`. */
  schemes?: readonly string[];
  /** The message of a refusal. Default `'Enter a valid URL.'`. */
  message?: string;
  /** The code of a refusal. Default `'invalid'`. */
  code?: string;
}

/**
 * Django 4.2's `URLValidator`: a scheme of `schemes`, `://`, optional `user:password@`,
 * a host (a domain name with a top-level label, `localhost`, an IPv4 address or a
 * bracketed IPv6 one), an optional port and a path without whitespace; at most 2048
 * characters. Django's regular expression is checked here part by part, so the time
 * is linear in the value's length.
 */
export class URLValidator extends CallableValidator {
  /** The schemes allowed, lower case. */
  readonly schemes: readonly string[];
  /** The message of a refusal. */
  readonly message: string;
  /** The code of a refusal (`ValidationError.code`). */
  readonly code: string;
  /** The longest URL accepted, in characters. */
  readonly maxLength = 2048;

  constructor(options: URLValidatorOptions = {}) {
    super();
    this.schemes = options.schemes ?? ['http', 'https', 'ftp', 'ftps'];
    this.message = options.message ?? FORM_MESSAGES.invalidUrl();
    this.code = options.code ?? 'invalid';
  }

  check(value: unknown): void {
    if (!this.isValid(value)) throw new ValidationError(this.message, this.code, { value });
  }

  private isValid(value: unknown): boolean {
    if (typeof value !== 'string' || codePoints(value) > this.maxLength || /[\t\r\n]/.test(value)) return false;
    if (!this.schemes.includes(value.split('://', 1)[0]!.toLowerCase())) return false;
    const parts = urlSplit(value);
    if (!parts) return false;
    if (!matchesUrl(value)) {
      // An internationalised domain: its ASCII form (punycode) must match. (WHATWG's
      // domainToASCII() also reads numbers as IPv4 addresses, which Python's IDNA does not.)
      const host = hostOf(parts.netloc);
      const ascii = /^[\x00-\x7f]*$/.test(host) ? '' : domainToASCII(host);
      if (!ascii || isIpv4(ascii) || !matchesUrl(value.replace(host, ascii))) return false;
    } else {
      const bracketed = /^\[([^\]]+)\](?::[0-9]{1,5})?$/.exec(parts.netloc);
      if (bracketed && !isIPv6(bracketed[1]!)) return false;
    }
    const host = hostname(parts.netloc);
    return host !== '' && host.length <= 253;
  }
}

/** The netloc without `user:password@` and port. */
function hostOf(netloc: string): string {
  const host = netloc.slice(netloc.lastIndexOf('@') + 1);
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

/** Python's `urlsplit().hostname`: the host, brackets removed, lower case. */
function hostname(netloc: string): string {
  const host = hostOf(netloc);
  return (host.startsWith('[') ? host.slice(1, -1) : host).toLowerCase();
}

/**
 * Django's URL pattern, `^[a-z0-9.+-]*://(?:[^\s:@/]+(?::[^\s:@/]*)?@)?(?:ipv4|ipv6|host)(?::[0-9]{1,5})?(?:[/?#]\S*)?\Z`
 * (case-insensitive), checked without backtracking.
 */
function matchesUrl(url: string): boolean {
  const separator = url.indexOf('://');
  if (separator < 0 || !/^[a-z0-9.+-]*$/i.test(url.slice(0, separator))) return false;
  const rest = url.slice(separator + 3);
  if (matchesHostPortPath(rest)) return true;
  // `user:password@`: no whitespace, `/` or second `@` or `:` in it, so it ends at the first `@`.
  const at = rest.indexOf('@');
  return at > 0 && /^[^\s:@/]+(?::[^\s:@/]*)?$/.test(rest.slice(0, at)) && matchesHostPortPath(rest.slice(at + 1));
}

/** `(?:ipv4|ipv6|host)(?::[0-9]{1,5})?(?:[/?#]\S*)?\Z`. */
function matchesHostPortPath(text: string): boolean {
  let end: number;
  if (text.startsWith('[')) {
    end = text.indexOf(']') + 1;
    if (end === 0 || !/^\[[0-9a-f:.]+\]$/i.test(text.slice(0, end))) return false;
  } else {
    end = firstOf(text, ':/?#');
    if (!isIpv4(text.slice(0, end)) && !isDomain(text.slice(0, end))) return false;
  }
  let rest = text.slice(end);
  const port = /^:[0-9]{1,5}/.exec(rest);
  if (port) rest = rest.slice(port[0].length);
  return rest === '' || (/^[/?#]/.test(rest) && !/[\s\x1c-\x1f\x85]/.test(rest));
}

/** The index of the first of `characters` in `text`, or its length. */
function firstOf(text: string, characters: string): number {
  for (let i = 0; i < text.length; i++) if (characters.includes(text[i]!)) return i;
  return text.length;
}

const IPV4_PART = /^(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)$/;

function isIpv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((part) => IPV4_PART.test(part));
}

// Labels of letters (any above U+00A0 too, as Django's `\u00a1-\uffff`), digits and hyphens.
const LABEL = /^(?!-)[a-z0-9\u00a1-\uffff-]{1,63}(?<!-)$/iu;
const TOP_LABEL = /^(?!-)(?:[a-z\u00a1-\uffff-]{2,63}|xn--[a-z0-9]{1,59})(?<!-)$/iu;

/** `localhost`, or labels ending with a top-level label of letters (or punycode), one trailing dot allowed. */
function isDomain(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  const labels = host.split('.');
  if (labels[labels.length - 1] === '') labels.pop();
  if (labels.length < 2) return false;
  const top = labels.pop()!;
  return TOP_LABEL.test(top) && labels.every((label) => LABEL.test(label));
}
