import { HttpResponsePermanentRedirect } from '../http/http-response-redirect.js';
import type { ServedPaths } from './served-paths.js';

/**
 * Where Django's APPEND_SLASH sends `url` (an origin-form target, `/path?query`): the same
 * path with a slash added, query kept. Browsers read `\` as `/`, so it is encoded, and a
 * path starting with `//` would name another host, so its second slash is encoded too:
 * the redirect always stays on this host.
 */
export function slashedLocation(url: string): string {
  const query = url.indexOf('?');
  const path = (query < 0 ? url : url.slice(0, query)).replace(/\\/g, '%5C').replace(/^\/\/+/, '/%2F');
  return `${path}/${query < 0 ? '' : url.slice(query)}`;
}

/** The percent-decoded path of an origin-form target, or `null` when it does not decode. */
export function decodedPath(url: string): string | null {
  const query = url.indexOf('?');
  try {
    return decodeURIComponent(query < 0 ? url : url.slice(0, query));
  } catch {
    return null;
  }
}

/**
 * The 301 for a GET or HEAD of a path without its trailing slash when the slashed path
 * is served by a route written with one, else `null`.
 */
export function appendSlashRedirect(method: string, url: string, paths: ServedPaths): HttpResponsePermanentRedirect | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  const path = decodedPath(url);
  if (path === null || path.endsWith('/')) return null;
  const found = paths.find(`${path}/`);
  if (!found || !found.served.route.pattern.endsWithSlash) return null;
  if (found.served.route.pattern.convert(found.params) === null) return null;
  return new HttpResponsePermanentRedirect(slashedLocation(url));
}
