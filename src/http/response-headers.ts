/** A header value: repeated headers such as `Set-Cookie` take an array. */
export type HeaderValue = string | readonly string[];

/**
 * Response headers with case-insensitive names that keep the case they were set with
 * (Django's `ResponseHeaders`).
 */
export class ResponseHeaders implements Iterable<[string, HeaderValue]> {
  /** By lower-cased name: the name as set and the value. Entries are replaced, never changed. */
  private readonly map = new Map<string, readonly [string, HeaderValue]>();

  constructor(init?: Record<string, HeaderValue | number>) {
    if (init) for (const name of Object.keys(init)) this.set(name, init[name]);
  }

  /** Set a header, replacing any value under the same name in any case. */
  set(name: string, value: HeaderValue | number): this {
    this.map.set(name.toLowerCase(), [name, typeof value === 'number' ? String(value) : value]);
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
    return this.map.delete(name.toLowerCase());
  }

  /** `[name, value]` pairs with the names as they were set. */
  [Symbol.iterator](): Iterator<[string, HeaderValue]> {
    return this.map.values() as Iterator<[string, HeaderValue]>;
  }

  /**
   * The `Content-Type` as set, read without lower-casing a name: the response writers
   * read it for every response. Same as `get('Content-Type')` for a single value.
   * @internal
   */
  get contentType(): HeaderValue | undefined {
    return this.map.get('content-type')?.[1];
  }

  /** `set('Content-Type', value)` without lower-casing a name: every response does it. @internal */
  setContentType(value: string): void {
    this.map.set('content-type', ['Content-Type', value]);
  }

  /** A plain object of the headers, names as they were set. */
  toJSON(): Record<string, HeaderValue> {
    return Object.fromEntries(this.map.values());
  }
}
