import { QueryDict } from '../http/query-dict.js';
import type { ViewRequest } from '../http/view-request.js';

/**
 * Django's `{% querystring %}` (5.1, with 5.2's fix): the query string of `query` with the
 * `changes` applied, for links that change one parameter and keep the others (filters, a
 * search): a value replaces the parameter's values, a list sets several, `null` or
 * `undefined` removes it. The result starts with `?`, also when empty (Django 5.1 gave `''`,
 * and a link to `''` keeps the current query string; 5.2 gives `'?'`). Keys and values are
 * encoded as Python's `urlencode()` does (`+` for a space).
 *
 * In nunjucks templates it is the global `querystring()`, over the current request's query:
 * `<a href="{{ querystring(page=3) }}">` gives `?q=dune&amp;page=3` for `?q=dune&page=1`.
 *
 * @param query - the query to start from (the request's `query`); none for an empty one.
 * @param changes - parameter name to new value(s).
 */
export function querystring(query: QueryDict | undefined, changes: Readonly<Record<string, unknown>> = {}): string {
  const lists = new Map<string, string[]>(query ? query.entries() : []);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined) lists.delete(key);
    else if (typeof value === 'object' && Symbol.iterator in value)
      lists.set(key, Array.from(value as Iterable<unknown>, String));
    else lists.set(key, [String(value)]);
  }
  const parts: string[] = [];
  for (const [key, values] of lists) for (const value of values) parts.push(`${quotePlus(key)}=${quotePlus(value)}`);
  return `?${parts.join('&')}`;
}

/** Python's `quote_plus()`: letters, digits and `_.-~` stay, a space is `+`, the rest is `%XX` of UTF-8. */
function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** What nunjucks gives a function for its keyword arguments (`f(page=3)`). */
interface NunjucksKeywords {
  readonly __keywords: true;
  readonly [name: string]: unknown;
}

function isKeywords(value: unknown): value is NunjucksKeywords {
  return typeof value === 'object' && value !== null && (value as { __keywords?: unknown }).__keywords === true;
}

/**
 * `querystring()` as a nunjucks global: `querystring(page=3)` over the rendered request's
 * query, or `querystring(someQueryDict, page=3)` over another one. nunjucks calls it with
 * the template's context as `this`.
 */
export function querystringGlobal(this: { ctx?: { request?: ViewRequest } } | undefined, ...args: unknown[]): string {
  const { __keywords: _, ...changes } = isKeywords(args[args.length - 1])
    ? (args.pop() as NunjucksKeywords)
    : { __keywords: true };
  const given = args[0];
  return querystring(given instanceof QueryDict ? given : this?.ctx?.request?.query, changes);
}
