import type { HttpServer } from '@nestjs/common';
import type { HttpResponsePermanentRedirect } from '../http/http-response-redirect.js';
import { appendSlashRedirect, decodedPath } from './append-slash.js';
import type { RouteRegistration } from './route-registration.js';

interface NotFoundRequest {
  method: string;
  url: string;
  params?: unknown;
}

/**
 * Fastify's router is strict about methods and trailing slashes, and class view routes are
 * registered there for the methods the app's views answer only (see `route-registration`).
 * Before Nest's not-found handler answers 404:
 * - a path a class view serves, with a method no class view route is registered for
 *   (TRACE, PROPFIND), goes to that view's Nest handler (guards, interceptors, filters,
 *   then `dispatch()`: 405 with `Allow`);
 * - with `appendSlash`, a GET or HEAD of a served path without its trailing slash gets
 *   Django's 301 to the slashed path (one lookup here instead of a second route per view,
 *   which doubled Fastify's start-up time).
 */
export function installNotFoundFallback(
  adapter: HttpServer,
  registration: RouteRegistration,
  appendSlash: boolean,
  write: (platformResponse: unknown, response: HttpResponsePermanentRedirect) => void,
): void {
  if (!adapter.setNotFoundHandler) return;
  const setNotFoundHandler = adapter.setNotFoundHandler.bind(adapter) as (...args: unknown[]) => unknown;
  (adapter as { setNotFoundHandler: unknown }).setNotFoundHandler = (handler: (...args: unknown[]) => unknown, ...rest: unknown[]) =>
    setNotFoundHandler((request: NotFoundRequest, reply: unknown, ...more: unknown[]) => {
      const { paths, methods } = registration;
      // A method the routes are registered for was refused by Fastify for a reason of its
      // own (an encoded slash, a constraint): so is it here. `%2F` never splits a segment.
      const path = methods.includes(request.method) || /%2f/i.test(request.url) ? null : decodedPath(request.url);
      const found = path === null ? null : paths.find(path);
      if (found) {
        request.params = found.params;
        return found.served.handler(request, reply);
      }
      const redirect = appendSlash ? appendSlashRedirect(request.method, request.url, registration.paths) : null;
      if (redirect) return write(reply, redirect);
      return handler(request, reply, ...more);
    }, ...rest);
}
