import { MESSAGES } from '../class-views.messages.js';
import { HttpResponse, HttpResponseInit } from './http-response.js';
import { codedError } from '../utils/coded-message.js';

/** Options of `JsonResponse`. */
export interface JsonResponseInit extends HttpResponseInit {
  /**
   * Refuse anything but a plain object, as Django does (arrays at the top level were a
   * JSON-hijacking risk). Default `true`; set `false` to send arrays or scalars.
   */
  safe?: boolean;
  /** Passed to `JSON.stringify` as its replacer. */
  replacer?: (this: unknown, key: string, value: unknown) => unknown;
}

/**
 * Django's `JsonResponse`: `data` serialized as JSON with `Content-Type: application/json`.
 *
 * @example
 * return new JsonResponse({ books: [] });
 */
export class JsonResponse extends HttpResponse {
  constructor(data: unknown, init: JsonResponseInit = {}) {
    if ((init.safe ?? true) && (data === null || typeof data !== 'object' || Array.isArray(data))) {
      throw codedError(TypeError, MESSAGES.jsonNotSafe());
    }
    // No rest or spread of `init`: this runs for every JSON answer.
    super(JSON.stringify(data, init.replacer), {
      status: init.status,
      headers: init.headers,
      contentType: init.contentType ?? 'application/json',
    });
  }
}
