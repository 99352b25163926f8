import type { ServerResponse } from 'node:http';
import type { HttpServer } from '@nestjs/common';
import { MESSAGES } from '../class-views.messages.js';
import { finishCsrf, hasCsrfCookie } from '../csrf/get-token.js';
import { finishMessages, hasMessages } from '../messages/messages-state.js';
import { DEFAULT_CONTENT_TYPE, HttpResponse, type TemplateRenderer } from './http-response.js';
import { type HeaderValue, ResponseHeaders } from './response-headers.js';
import { patchVary } from './vary.js';
import { codedError } from '../utils/coded-message.js';

/** Writes an `HttpResponse` to a platform response object. */
export type ResponseWriter = (platformResponse: any, response: HttpResponse) => void;

/** 1xx, 204 and 304 responses have no body, so no `Content-Length` either (RFC 9110). */
function hasNoBody(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}

/**
 * Throw before anything is written when the status is not a number from 100 to 599: the
 * error then goes through Nest's exception filters like any other, and no part of the failed
 * response reaches the client. Django raises `ValueError` for the same. Headers are checked
 * when they are set (`ResponseHeaders.set()`), as Django raises `BadHeaderError` there.
 */
function checkResponse(response: HttpResponse): void {
  const status = response.status;
  if (!Number.isInteger(status) || status < 100 || status > 599)
    throw codedError(Error, MESSAGES.badStatus(String(status)));
}

function setNodeHeader(name: string, value: HeaderValue, res: ServerResponse): void {
  res.setHeader(name, value);
}

/** Express (and any adapter whose response is a Node `ServerResponse`): plain Node calls. */
export const writeToNodeResponse: ResponseWriter = (res: ServerResponse, response) => {
  checkResponse(response);
  res.statusCode = response.status;
  response.headers.forEachHeader(setNodeHeader, res);
  if (hasNoBody(response.status)) return void res.end();
  const body = response.content;
  // A lower-case name is looked up as it is.
  if (!response.headers.has('content-length')) res.setHeader('Content-Length', Buffer.byteLength(body));
  // Node drops the body of a HEAD response itself; saying so avoids the copy.
  res.end(res.req?.method === 'HEAD' ? undefined : body);
};

interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  header(name: string, value: unknown): FastifyReplyLike;
  type(contentType: unknown): FastifyReplyLike;
  serializer(serialize: (payload: unknown) => string): FastifyReplyLike;
  send(body?: unknown): unknown;
}

/** Whether a `Content-Type` names a charset; the default one, the most common, is known to. */
function namesCharset(type: HeaderValue | undefined): boolean {
  return type === DEFAULT_CONTENT_TYPE || String(type ?? '').includes('charset=');
}

/**
 * `reply.header()`, but `reply.type()` for `Content-Type`: stored in the same place and order,
 * with no name to lower-case or look up.
 */
function setReplyHeader(name: string, value: HeaderValue, reply: FastifyReplyLike): void {
  if (name === 'Content-Type' || (name.length === 12 && name.toLowerCase() === 'content-type')) reply.type(value);
  else reply.header(name, value);
}

/** Hands a string body to Fastify as it is. */
const asIs = (payload: unknown) => payload as string;

/**
 * Fastify: through the reply, so Fastify's hooks and logging still run. Fastify appends
 * `; charset=utf-8` to a JSON `Content-Type` that names no charset, while Django sends
 * the content type verbatim; a reply serializer of its own (public `reply.serializer()`)
 * turns that off, and the body stays a string, which Node writes in one piece with the
 * headers (a `Buffer` takes a second write).
 */
export const writeToFastifyReply: ResponseWriter = (reply: FastifyReplyLike, response) => {
  checkResponse(response);
  reply.code(response.status);
  const headers = response.headers;
  // The one header of most responses: `reply.type()` stores it as `reply.header()` would,
  // without lower-casing its name.
  if (headers.onlyContentType) reply.type(headers.contentType);
  else headers.forEachHeader(setReplyHeader, reply);
  if (hasNoBody(response.status)) return void reply.send();
  const body = response.content;
  if (typeof body === 'string' && !namesCharset(response.headers.contentType)) reply.serializer(asIs);
  reply.send(body);
};

/** The writer for the adapter's platform. */
export function responseWriterFor(adapter: HttpServer): ResponseWriter {
  return adapter.getType?.() === 'fastify' ? writeToFastifyReply : writeToNodeResponse;
}

const INSTALLED = Symbol('nestjs-class-views:response-writer');

/** The adapter's header methods (`AbstractHttpAdapter`'s on Express and Fastify; not in `HttpServer`'s type). */
type AdapterHeaders = HttpServer & {
  appendHeader?(response: unknown, name: string, value: string): unknown;
  getHeader?(response: unknown, name: string): unknown;
};

/**
 * Django's CSRF and messages middleware add their cookies to every response, an error's too. A
 * reply that is no `HttpResponse` after a class view ran (Nest's JSON for a CSRF refusal, for an
 * exception thrown after a token was read or a message added) gets them here: made on an empty
 * `HttpResponse` of the reply's status by the same code as for a view's own; its `Set-Cookie`
 * headers are then appended to the platform response and its `Vary` merged (no other header is
 * carried). A request no class view served costs two lookups.
 */
function carryCookies(adapter: AdapterHeaders, platformResponse: unknown, statusCode: number | undefined): void {
  const request = platformRequestOf(platformResponse);
  if (!hasCsrfCookie(request) && !hasMessages(request)) return;
  // The reply's status, for a storage that asks (Django's session middleware saves nothing on a 500).
  const status = Number.isInteger(statusCode) && statusCode! >= 100 && statusCode! <= 599 ? statusCode : 200;
  const shell = new HttpResponse('', { status });
  finishCsrf(request, shell);
  finishMessages(request, shell);
  for (const [name, value] of shell.headers) {
    const key = name.toLowerCase();
    if (key === 'set-cookie') {
      for (const cookie of typeof value === 'string' ? [value] : value)
        adapter.appendHeader?.(platformResponse, name, cookie);
    } else if (key === 'vary') {
      const current = adapter.getHeader?.(platformResponse, 'Vary') as HeaderValue | undefined;
      const merged = new ResponseHeaders();
      if (current !== undefined) merged.set('Vary', typeof current === 'string' ? current : current.join(', '));
      for (const field of String(value).split(',')) patchVary(merged, field.trim());
      adapter.setHeader(platformResponse, 'Vary', merged.get('Vary')!);
    }
  }
}

/** The request a platform response answers: Express `res.req`, Fastify `reply.request`. */
function platformRequestOf(platformResponse: unknown): unknown {
  const response = platformResponse as { req?: unknown; request?: unknown };
  return response.req ?? response.request;
}

/**
 * Make the HTTP adapter write an `HttpResponse` that reaches Nest's response step
 * (after interceptors) with its own status, headers and body, once `prepare()` has
 * run (a `TemplateResponse` renders there, with `renderer`); any other value goes to
 * the adapter's own `reply()` as before. Idempotent.
 *
 * Why the adapter's `reply()` is replaced (the one adapter method the library replaces):
 * Nest hands a route's result to `reply()` once every interceptor has run, and writing there
 * is what lets an interceptor see and change the view's response, as Django middleware can.
 * No public seam serves instead:
 * - writing in the route handler (`@Res()`) happens before the interceptors see the result;
 * - a global interceptor of the library's would have to be the outermost one to see what the
 *   app's interceptors made of the response, and Nest orders global interceptors by
 *   registration, which the library does not control; Nest would still call `reply()` with
 *   whatever it returned;
 * - exception filters only see errors.
 * Checked on @nestjs/platform-express and platform-fastify 11.2, 12.0 and 12.5, where `reply()` is
 * what both the router and `BaseExceptionFilter` call.
 */
export function installResponseWriter(
  adapter: HttpServer & { [INSTALLED]?: boolean },
  renderer: TemplateRenderer,
): void {
  if (adapter[INSTALLED]) return;
  const write = responseWriterFor(adapter);
  const reply = adapter.reply.bind(adapter);
  adapter.reply = (platformResponse: unknown, body: unknown, statusCode?: number) => {
    if (!(body instanceof HttpResponse)) {
      carryCookies(adapter, platformResponse, statusCode);
      return reply(platformResponse, body, statusCode);
    }
    const pending = body.prepare(renderer);
    if (pending) {
      return pending.then(() => {
        finishCsrf(platformRequestOf(platformResponse), body);
        finishMessages(platformRequestOf(platformResponse), body);
        write(platformResponse, body);
      });
    }
    finishCsrf(platformRequestOf(platformResponse), body);
    finishMessages(platformRequestOf(platformResponse), body);
    return write(platformResponse, body);
  };
  adapter[INSTALLED] = true;
}
