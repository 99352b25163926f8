import { MESSAGES } from '../class-views.messages.js';
import { codedError } from '../utils/coded-message.js';

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
  if (!TOKEN.test(name) || invalidValue(value)) throw codedError(Error, MESSAGES.badHeader(name));
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
  /** Before that, the one header set so far, if any: its lower-cased name, its name and its value. */
  private onlyKey: string | undefined = undefined;
  private onlyName: string | undefined = undefined;
  private onlyValue: HeaderValue | undefined = undefined;
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
    this.put(key, name, text);
    return this;
  }

  /** The value of a header, or `undefined`; an array value is joined with `, `. */
  get(name: string): string | undefined {
    const value = this.value(name.toLowerCase());
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : value.join(', ');
  }

  /** Whether the header is set. */
  has(name: string): boolean {
    return this.value(name.toLowerCase()) !== undefined;
  }

  /** Remove a header; returns whether it was set. */
  delete(name: string): boolean {
    const key = name.toLowerCase();
    if (key === 'content-type') this.type = undefined;
    if (this.map) return this.map.delete(key);
    if (this.onlyKey !== key) return false;
    this.onlyKey = this.onlyName = this.onlyValue = undefined;
    return true;
  }

  /** `[name, value]` pairs with the names as they were set. A header set while iterating may be left out. */
  [Symbol.iterator](): Iterator<[string, HeaderValue]> {
    const entries = this.map
      ? this.map.values()
      : (this.onlyKey === undefined ? [] : [[this.onlyName!, this.onlyValue!] as const]).values();
    return entries as Iterator<[string, HeaderValue]>;
  }

  /**
   * Call `fn(name, value, target)` for each header, as the iterator gives them, with no
   * iterator or pair made for a single header: the writers do it for every response. @internal
   */
  forEachHeader<T>(fn: (name: string, value: HeaderValue, target: T) => void, target: T): void {
    if (this.map) {
      for (const entry of this.map.values()) fn(entry[0], entry[1], target);
    } else if (this.onlyKey !== undefined) {
      fn(this.onlyName!, this.onlyValue!, target);
    }
  }

  /**
   * The `Content-Type` as set, read without a lookup: the response writers read it for
   * every response. Same as `get('Content-Type')` for a single value. @internal
   */
  get contentType(): HeaderValue | undefined {
    return this.type;
  }

  /** Whether `Content-Type` is the one header set (most responses). @internal */
  get onlyContentType(): boolean {
    return this.map === undefined && this.onlyKey === 'content-type';
  }

  /**
   * `set('Content-Type', value)` without lower-casing a name: every response does it.
   * `checked` skips the check, for the library's own constant types. @internal
   */
  setContentType(value: string, checked = false): void {
    if (!checked) checkHeader('Content-Type', value);
    this.type = value;
    this.put('content-type', 'Content-Type', value);
  }

  /**
   * `set(name, value)` for a header the library makes, whose value it has made valid and
   * whose lower-cased name it knows (`Location` from a redirect): no check, no lower-casing. @internal
   */
  setKnown(key: string, name: string, value: string): void {
    if (key === 'content-type') this.type = value;
    this.put(key, name, value);
  }

  /** A plain object of the headers, names as they were set. */
  toJSON(): Record<string, HeaderValue> {
    return Object.fromEntries(this);
  }

  private value(key: string): HeaderValue | undefined {
    if (this.map) return this.map.get(key)?.[1];
    return this.onlyKey === key ? this.onlyValue : undefined;
  }

  private put(key: string, name: string, value: HeaderValue): void {
    if (this.map) {
      this.map.set(key, [name, value]);
    } else if (this.onlyKey === undefined || this.onlyKey === key) {
      this.onlyKey = key;
      this.onlyName = name;
      this.onlyValue = value;
    } else {
      // Two set() calls: cheaper than the constructor's walk of an iterable.
      const map = new Map<string, Entry>();
      map.set(this.onlyKey, [this.onlyName!, this.onlyValue!]);
      map.set(key, [name, value]);
      this.map = map;
      this.onlyKey = this.onlyName = this.onlyValue = undefined;
    }
  }
}
