import { MESSAGES } from '../class-views.messages.js';

/** A header value: repeated headers such as `Set-Cookie` take an array. */
export type HeaderValue = string | readonly string[];

/** An HTTP token (RFC 9110), what a header name must be. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What a header value must not hold: control characters but tab, and anything above U+00FF. */
const INVALID_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

function invalidValue(value: HeaderValue): boolean {
  if (typeof value === 'string') return INVALID_VALUE.test(value);
  // Not a string nor a list of strings (an `undefined` from a typo, an object): refused too.
  if (!Array.isArray(value)) return true;
  return value.some((item) => typeof item !== 'string' || INVALID_VALUE.test(item));
}

/**
 * Refuse a header HTTP cannot carry (a line break, a control character, a character above
 * U+00FF, a name that is not a token) where it is set, as Django raises `BadHeaderError`:
 * the error goes through Nest's exception filters and nothing of the response is written.
 */
function checkHeader(name: string, value: HeaderValue): void {
  if (!TOKEN.test(name) || invalidValue(value)) throw new Error(MESSAGES.badHeader(name));
}

/**
 * Response headers with case-insensitive names that keep the case they were set with
 * (Django's `ResponseHeaders`).
 */
export class ResponseHeaders implements Iterable<[string, HeaderValue]> {
  /** By lower-cased name: the name as set and the value. Entries are replaced, never changed. */
  private readonly map = new Map<string, readonly [string, HeaderValue]>();
  /** The `Content-Type` value, kept with the map's entry: the writers read it for every response. */
  private type: HeaderValue | undefined = undefined;

  constructor(init?: Record<string, HeaderValue | number>) {
    if (init) for (const name of Object.keys(init)) this.set(name, init[name]);
  }

  /** Set a header, replacing any value under the same name in any case. */
  set(name: string, value: HeaderValue | number): this {
    const text = typeof value === 'number' ? String(value) : value;
    checkHeader(name, text);
    const key = name.toLowerCase();
    if (key === 'content-type') this.type = text;
    this.map.set(key, [name, text]);
    return this;
  }

  /** The value of a header, or `undefined`; an array value is joined with `, `. */
  get(name: string): string | undefined {
    const entry = this.map.get(name.toLowerCase());
    if (!entry) return undefined;
    return typeof entry[1] === 'string' ? entry[1] : entry[1].join(', ');
  }

  /** Whether the header is set. */
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  /** Remove a header; returns whether it was set. */
  delete(name: string): boolean {
    const key = name.toLowerCase();
    if (key === 'content-type') this.type = undefined;
    return this.map.delete(key);
  }

  /** `[name, value]` pairs with the names as they were set. */
  [Symbol.iterator](): Iterator<[string, HeaderValue]> {
    return this.map.values() as Iterator<[string, HeaderValue]>;
  }

  /**
   * The `Content-Type` as set, read without a lookup: the response writers read it for
   * every response. Same as `get('Content-Type')` for a single value. @internal
   */
  get contentType(): HeaderValue | undefined {
    return this.type;
  }

  /**
   * `set('Content-Type', value)` without lower-casing a name: every response does it.
   * `checked` skips the check, for the library's own constant types. @internal
   */
  setContentType(value: string, checked = false): void {
    if (!checked) checkHeader('Content-Type', value);
    this.type = value;
    this.map.set('content-type', ['Content-Type', value]);
  }

  /** A plain object of the headers, names as they were set. */
  toJSON(): Record<string, HeaderValue> {
    return Object.fromEntries(this.map.values());
  }
}
