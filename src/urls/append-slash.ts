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
