import type { HttpServer } from '@nestjs/common';
import { HttpResponsePermanentRedirect } from '../http/http-response-redirect.js';
import type { RoutePattern } from '../urls/route-pattern.js';

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

/**
 * The 301 for a GET or HEAD of a path without its trailing slash when the slashed path
 * is one of `patterns` (under the global `prefix`), else `null`.
 */
export function appendSlashRedirect(
  method: string,
  url: string,
  prefix: string,
  patterns: readonly RoutePattern[],
): HttpResponsePermanentRedirect | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  const query = url.indexOf('?');
  const raw = query < 0 ? url : url.slice(0, query);
  if (raw.endsWith('/')) return null;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const base = prefix ? `/${prefix}/` : '/';
  if (!path.startsWith(base)) return null;
  const slashed = `${path.slice(base.length)}/`;
  if (!patterns.some((pattern) => pattern.match(slashed) !== null)) return null;
  return new HttpResponsePermanentRedirect(slashedLocation(url));
}

/**
 * On a router with strict trailing slashes (Fastify), `/about` never reaches the route
 * of `about/`: answer APPEND_SLASH from the not-found handler Nest installs, instead of
 * registering a second route per view (which doubled Fastify's start-up time).
 */
export function installAppendSlash(
  adapter: HttpServer,
  prefix: string,
  patterns: readonly RoutePattern[],
  write: (platformResponse: unknown, response: HttpResponsePermanentRedirect) => void,
): void {
  if (patterns.length === 0 || !adapter.setNotFoundHandler) return;
  const setNotFoundHandler = adapter.setNotFoundHandler.bind(adapter) as (...args: unknown[]) => unknown;
  (adapter as { setNotFoundHandler: unknown }).setNotFoundHandler = (handler: (...args: unknown[]) => unknown, ...rest: unknown[]) =>
    setNotFoundHandler((request: { method: string; url: string }, reply: unknown, ...more: unknown[]) => {
      const redirect = appendSlashRedirect(request.method, request.url, prefix, patterns);
      if (redirect) return write(reply, redirect);
      return handler(request, reply, ...more);
    }, ...rest);
}
