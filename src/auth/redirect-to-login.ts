import { HttpResponseRedirect } from '../http/http-response-redirect.js';
import { QueryDict } from '../http/query-dict.js';
import { quote } from '../http/quote.js';

/** Django's `REDIRECT_FIELD_NAME`: the query parameter that carries where to go after the login. */
export const REDIRECT_FIELD_NAME = 'next';

/**
 * Django's `redirect_to_login()`: a 302 to `loginUrl` with `next` (the page to come back to)
 * in its `redirectFieldName` parameter, beside the login URL's own query (an own `next`
 * replaced). Values are encoded as Django's `QueryDict.urlencode(safe='/')` does. With a
 * `redirectFieldName` of `null` or `''`, the login URL is left as it is.
 *
 * @example
 * redirectToLogin('/books/?page=2', '/login/?lang=en'); // Location: /login/?lang=en&next=/books/%3Fpage%3D2
 */
export function redirectToLogin(
  next: string,
  loginUrl: string,
  redirectFieldName: string | null = REDIRECT_FIELD_NAME,
): HttpResponseRedirect {
  if (!redirectFieldName) return new HttpResponseRedirect(loginUrl);
  const hash = loginUrl.indexOf('#');
  const fragment = hash < 0 ? '' : loginUrl.slice(hash);
  const withoutFragment = hash < 0 ? loginUrl : loginUrl.slice(0, hash);
  const mark = withoutFragment.indexOf('?');
  const base = mark < 0 ? withoutFragment : withoutFragment.slice(0, mark);
  const fields = new Map(QueryDict.parse(mark < 0 ? '' : withoutFragment.slice(mark + 1)).entries());
  fields.set(redirectFieldName, [next]);
  const query = [...fields]
    .flatMap(([key, values]) => values.map((value) => `${quote(key)}=${quote(value)}`))
    .join('&');
  return new HttpResponseRedirect(`${base}?${query}${fragment}`);
}
