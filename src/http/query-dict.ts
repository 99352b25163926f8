import { checkFieldCount } from './field-limit.js';

/**
 * Django's `QueryDict` for a query string: every key keeps all its values in order,
 * `get()` returns the last one, `getList()` all of them. Immutable once parsed.
 *
 * @example
 * const q = QueryDict.parse('a=1&a=2&b=');
 * q.get('a');      // '2'
 * q.getList('a');  // ['1', '2']
 * q.get('b');      // ''
 */
export class QueryDict {
  private readonly lists = new Map<string, string[]>();

  /**
   * Parse a raw query string (without the `?`); `+` is a space, bad escapes are kept as typed.
   * Only `&` separates fields, as in Django since CVE-2021-23336 and in `URLSearchParams`,
   * Express and Fastify: `a=1;b=2` is the one field `a` = `'1;b=2'`. A cache that split on
   * `;` too would key a page on other parameters than the app reads.
   *
   * @param maxNumberFields - the most fields allowed (Django's `DATA_UPLOAD_MAX_NUMBER_FIELDS`),
   *   counted before parsing. Default `Infinity`.
   * @throws TooManyFieldsSent (400) when the query string has more fields.
   */
  static parse(queryString: string, maxNumberFields = Infinity): QueryDict {
    const dict = new QueryDict();
    if (!queryString) return dict;
    checkFieldCount(queryString, maxNumberFields);
    for (const pair of queryString.split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1));
      const list = dict.lists.get(key);
      if (list) list.push(value);
      else dict.lists.set(key, [value]);
    }
    return dict;
  }

  /** Return the last value of `key`, or `defaultValue` when the key is absent. */
  get(key: string): string | undefined;
  get<T>(key: string, defaultValue: T): string | T;
  get<T>(key: string, defaultValue?: T): string | T | undefined {
    const list = this.lists.get(key);
    return list ? list[list.length - 1] : defaultValue;
  }

  /** Return every value of `key` in order (an empty array when absent). */
  getList(key: string): string[] {
    return [...(this.lists.get(key) ?? [])];
  }

  /** Whether `key` appears in the query string. */
  has(key: string): boolean {
    return this.lists.has(key);
  }

  /** The keys, in order of first appearance. */
  keys(): string[] {
    return [...this.lists.keys()];
  }

  /** `[key, lastValue]` pairs, like Django's `items()`. */
  items(): Array<[string, string]> {
    return [...this.lists].map(([key, list]) => [key, list[list.length - 1]]);
  }

  /** `[key, values]` pairs, like Django's `lists()`. */
  entries(): Array<[string, string[]]> {
    return [...this.lists].map(([key, list]) => [key, [...list]]);
  }

  /** The number of distinct keys. */
  get size(): number {
    return this.lists.size;
  }

  /** Encode back to a query string (`a=1&a=2`). */
  urlencode(): string {
    const parts: string[] = [];
    for (const [key, list] of this.lists) {
      for (const value of list) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    }
    return parts.join('&');
  }

  /** A plain object of last values, handy for templates and logging. */
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.items());
  }
}

function decodeComponent(text: string): string {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
