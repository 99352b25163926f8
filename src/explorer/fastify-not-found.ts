import type { HttpServer } from '@nestjs/common';
import type { HttpResponsePermanentRedirect } from '../http/http-response-redirect.js';
import { appendSlashRedirect, decodedPath } from './append-slash.js';
import type { ServedPaths } from './served-paths.js';

interface NotFoundRequest {
  method: string;
  url: string;
  params?: unknown;
}

/**
 * Fastify's router is strict about methods and trailing slashes, and class view routes are
 * registered there for the methods their views answer only (see `route-registration`).
 * Before Nest's not-found handler answers 404:
 * - a path a class view serves, with another method, goes to that view's Nest handler
 *   (guards, interceptors, filters, then `dispatch()`: 405 with `Allow`);
 * - with `appendSlash`, a GET or HEAD of a served path without its trailing slash gets
 *   Django's 301 to the slashed path (one lookup here instead of a second route per view,
 *   which doubled Fastify's start-up time).
 */
export function installNotFoundFallback(
  adapter: HttpServer,
  paths: ServedPaths,
  appendSlash: boolean,
  write: (platformResponse: unknown, response: HttpResponsePermanentRedirect) => void,
): void {
  if (!adapter.setNotFoundHandler) return;
  const setNotFoundHandler = adapter.setNotFoundHandler.bind(adapter) as (...args: unknown[]) => unknown;
  (adapter as { setNotFoundHandler: unknown }).setNotFoundHandler = (handler: (...args: unknown[]) => unknown, ...rest: unknown[]) =>
    setNotFoundHandler((request: NotFoundRequest, reply: unknown, ...more: unknown[]) => {
      const path = decodedPath(request.url);
      const found = path === null ? null : paths.find(path);
      if (found) {
        request.params = found.params;
        return found.served.handler(request, reply);
      }
      const redirect = appendSlash ? appendSlashRedirect(request.method, request.url, paths) : null;
      if (redirect) return write(reply, redirect);
      return handler(request, reply, ...more);
    }, ...rest);
}
