import type { HttpServer } from '@nestjs/common';
import { TooManyFieldsSent } from '../exceptions/too-many-fields-sent.exception.js';

/**
 * Express's urlencoded body parser refuses a body of more fields than its `parameterLimit`
 * (1000, Django's default too) with 413 before any route runs; Django answers 400
 * (`TooManyFieldsSent`), and so does the library on Fastify, whose form parser has no limit.
 * Pass that error on as `TooManyFieldsSent`, so both platforms answer the same 400. Added
 * while Nest initialises the app: after its body parsers, before its routes and its own
 * error handler, which then answers it as any other `HttpException`.
 */
export function answerTooManyFieldsWith400(adapter: HttpServer): void {
  const app = adapter.getInstance() as { use(handler: (...args: any[]) => void): void };
  app.use(function tooManyFieldsSent(
    error: { type?: unknown } | null,
    _request: unknown,
    _response: unknown,
    next: (error?: unknown) => void,
  ) {
    next(error?.type === 'parameters.too.many' ? new TooManyFieldsSent() : error);
  });
}
