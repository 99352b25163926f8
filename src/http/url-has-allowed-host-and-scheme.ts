import { isIPv6 } from 'node:net';

/** Django's `MAX_URL_LENGTH`: a longer URL is refused before it is parsed. */
const MAX_URL_LENGTH = 2048;

/** What Python's `str.strip()` strips: its Unicode whitespace. */
const PY_WHITESPACE = new Set([
  ...'\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000',
]);

/** The options of {@link urlHasAllowedHostAndScheme}. */
export interface AllowedHostAndSchemeOptions {
  /** The hosts (with their port, and user info if any, as in the URL) a URL may name. Default none: only URLs without a host pass. */
  allowedHosts?: Iterable<string> | string | null;
  /** Accept `https` only, not `http` (for a request that came over HTTPS). Default `false`. */
  requireHttps?: boolean;
}

/**
 * Django's `url_has_allowed_host_and_scheme()`: whether `url` is safe to redirect to, i.e.
 * it names no host or one of `allowedHosts`, with no scheme or `http`/`https`. Refused, as
 * in Django: scheme-relative URLs to other hosts (`//evil.example`), backslashes browsers
 * read as slashes (`/\\evil.example`), a leading control character, `///`, a scheme with
 * no host (`http:///evil.example`), other schemes (`javascript:`), malformed IPv6 hosts,
 * URLs over 2,048 characters. Linear in the URL's length. A `true` does not make the URL
 * well-formed: redirects still pass it through `iriToUri()`.
 *
 * @example
 * urlHasAllowedHostAndScheme(next, { allowedHosts: [request.getHost()], requireHttps: request.isSecure() })
 */
export function urlHasAllowedHostAndScheme(
  url: string | null | undefined,
  options: AllowedHostAndSchemeOptions = {},
): boolean {
  if (url === null || url === undefined) return false;
  const stripped = pythonStrip(url);
  if (stripped === '') return false;
  const { allowedHosts, requireHttps = false } = options;
  const hosts = new Set(typeof allowedHosts === 'string' ? [allowedHosts] : (allowedHosts ?? []));
  // Chrome reads `\` as `/` in paths, but it could belong to user info: check both readings.
  return isAllowed(stripped, hosts, requireHttps) && isAllowed(stripped.replaceAll('\\', '/'), hosts, requireHttps);
}

function isAllowed(url: string, hosts: ReadonlySet<string>, requireHttps: boolean): boolean {
  // Chrome takes any URL with three slashes for an absolute one.
  if (url.startsWith('///') || url.length > MAX_URL_LENGTH) return false;
  const parts = splitUrl(url);
  if (parts === null) return false;
  // `http:///example.com`: Chrome still takes example.com for the host.
  if (parts.netloc === '' && parts.scheme !== '') return false;
  // Browsers skip some leading control characters and may then read a scheme-relative URL.
  if (/^\p{C}/u.test(url)) return false;
  const scheme = parts.scheme === '' && parts.netloc !== '' ? 'http' : parts.scheme;
  const schemeOk = scheme === '' || scheme === 'https' || (scheme === 'http' && !requireHttps);
  return (parts.netloc === '' || hosts.has(parts.netloc)) && schemeOk;
}

/** A URL's scheme (lower-cased) and network location, as Python's `urlsplit()` reads them. */
export interface SchemeAndNetloc {
  scheme: string;
  netloc: string;
}

/**
 * Python's `urlsplit()`, up to the network location: leading C0 controls and spaces are
 * dropped and tabs and line breaks removed (as WHATWG parsers do); `null` where Python
 * raises `ValueError` (unbalanced or invalid `[…]` hosts, hosts that NFKC turns into delimiters).
 */
export function splitUrl(input: string): SchemeAndNetloc | null {
  let start = 0;
  while (start < input.length && input.charCodeAt(start) <= 0x20) start++;
  let url = input.slice(start).replace(/[\t\r\n]/g, '');
  let scheme = '';
  const colon = url.indexOf(':');
  if (colon > 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  if (!url.startsWith('//')) return { scheme, netloc: '' };
  let end = url.length;
  for (const delimiter of '/?#') {
    const at = url.indexOf(delimiter, 2);
    if (at >= 0 && at < end) end = at;
  }
  const netloc = url.slice(2, end);
  return isValidNetloc(netloc) ? { scheme, netloc } : null;
}

/** What Python's `urlsplit()` checks of a network location before it raises `ValueError`. */
function isValidNetloc(netloc: string): boolean {
  const open = netloc.indexOf('[');
  const close = netloc.indexOf(']');
  if (open < 0 !== close < 0) return false;
  if (open >= 0) {
    const host = netloc.slice(open + 1).split(']')[0]!;
    if (host.startsWith('v') ? !/^v[a-fA-F0-9]+\..+$/s.test(host) : !isIPv6(host)) return false;
  }
  // Characters that NFKC normalisation turns into `/?#@:` would move the host elsewhere.
  if (/^[\x00-\x7f]*$/.test(netloc)) return true;
  const bare = netloc.replace(/[@:#?]/g, '');
  const normalized = bare.normalize('NFKC');
  return normalized === bare || !/[/?#@:]/.test(normalized);
}

/** Python's `str.strip()`, in linear time. */
function pythonStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PY_WHITESPACE.has(text[start]!)) start++;
  while (end > start && PY_WHITESPACE.has(text[end - 1]!)) end--;
  return text.slice(start, end);
}
