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

/** A header as set: its name in the case it was set with, and its value. Replaced, never changed. */
type Entry = readonly [string, HeaderValue];

/**
 * Response headers with case-insensitive names that keep the case they were set with
 * (Django's `ResponseHeaders`).
 *
 * Every response makes one, and most have a single header (`Content-Type`): that one is held
 * as it is, and the map by lower-cased name is made when a second name is set.
 */
export class ResponseHeaders implements Iterable<[string, HeaderValue]> {
  /** Every header by lower-cased name, once two names have been set. */
  private map: Map<string, Entry> | undefined = undefined;
  /** Before that, the one header set so far, if any, and its lower-cased name. */
  private only: Entry | undefined = undefined;
  private onlyKey: string | undefined = undefined;
  /** The `Content-Type` value, kept beside the entries: the writers read it for every response. */
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
    this.put(key, [name, text]);
    return this;
  }

  /** The value of a header, or `undefined`; an array value is joined with `, `. */
  get(name: string): string | undefined {
    const entry = this.entry(name.toLowerCase());
    if (!entry) return undefined;
    return typeof entry[1] === 'string' ? entry[1] : entry[1].join(', ');
  }

  /** Whether the header is set. */
  has(name: string): boolean {
    return this.entry(name.toLowerCase()) !== undefined;
  }

  /** Remove a header; returns whether it was set. */
  delete(name: string): boolean {
    const key = name.toLowerCase();
    if (key === 'content-type') this.type = undefined;
    if (this.map) return this.map.delete(key);
    if (this.onlyKey !== key) return false;
    this.only = this.onlyKey = undefined;
    return true;
  }

  /** `[name, value]` pairs with the names as they were set. A header set while iterating may be left out. */
  [Symbol.iterator](): Iterator<[string, HeaderValue]> {
    const entries = this.map ? this.map.values() : (this.only ? [this.only] : []).values();
    return entries as Iterator<[string, HeaderValue]>;
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
    this.put('content-type', ['Content-Type', value]);
  }

  /** A plain object of the headers, names as they were set. */
  toJSON(): Record<string, HeaderValue> {
    return Object.fromEntries(this);
  }

  private entry(key: string): Entry | undefined {
    return this.map ? this.map.get(key) : this.onlyKey === key ? this.only : undefined;
  }

  private put(key: string, entry: Entry): void {
    if (this.map) {
      this.map.set(key, entry);
    } else if (this.onlyKey === undefined || this.onlyKey === key) {
      this.only = entry;
      this.onlyKey = key;
    } else {
      this.map = new Map([[this.onlyKey, this.only!], [key, entry]]);
      this.only = this.onlyKey = undefined;
    }
  }
}
