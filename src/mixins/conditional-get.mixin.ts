import { Logger } from '@nestjs/common';
import { type ConditionalHeaders, getConditionalResponse } from '../http/conditional.js';
import { escapeForLog } from '../http/escape-for-log.js';
import { httpDate } from '../http/http-date.js';
import { HttpResponse, HttpResponseNotModified } from '../http/http-response.js';
import type { ViewConstructor } from './view-constructor.js';

const logger = new Logger('ClassViews');

/**
 * Conditional GET as hooks (Django's `condition()` decorator): when `getLastModified()`
 * or `getEtag()` return a value, GET and HEAD answer `If-None-Match` and
 * `If-Modified-Since` with 304 and no body, before anything is rendered, and every
 * response carries `Last-Modified`/`ETag`; `If-Match` and `If-Unmodified-Since` answer 412
 * when they fail, for any method whose handler calls `checkNotModified()`.
 */
export function ConditionalGetMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class ConditionalGetView extends Base {
    /** When the content last changed, or `null` (default) for no `Last-Modified`. */
    getLastModified(): Date | null | Promise<Date | null> {
      return null;
    }

    /** An entity tag for the content (quoted or not), or `null` (default) for no `ETag`. */
    getEtag(): string | null | Promise<string | null> {
      return null;
    }

    /**
     * Work out the validators and answer a conditional request as Django's `condition()`
     * does (`get_conditional_response()`): 304 when a GET or HEAD client's copy is current,
     * 412 (any method) when an `If-Match`, `If-Unmodified-Since` or, for a method other than
     * GET and HEAD, `If-None-Match` precondition fails; else `null`: serve the request.
     * `get()` calls it; call it from `put()`, `delete()`… once the object is loaded.
     */
    async checkNotModified(): Promise<HttpResponse | null> {
      const lastModifiedOrPromise = this.getLastModified();
      const etagOrPromise = this.getEtag();
      // No validators (the default): nothing to compare nor to add, and no promises to wait for.
      if (lastModifiedOrPromise == null && etagOrPromise == null) {
        this.validators = undefined;
        return null;
      }
      const [lastModified, etag] = await Promise.all([lastModifiedOrPromise, etagOrPromise]);
      const method = this.request.method;
      const safe = method === 'GET' || method === 'HEAD';
      const headers: Record<string, string> = {};
      if (lastModified) headers['Last-Modified'] = httpDate(lastModified);
      if (etag) headers.ETag = etag.startsWith('"') || etag.startsWith('W/"') ? etag : `"${etag}"`;
      // As Django's condition(), only GET and HEAD responses carry the validators.
      this.validators = safe ? headers : undefined;
      const outcome = getConditionalResponse(
        method,
        this.request.headers as ConditionalHeaders,
        headers.ETag ?? null,
        lastModified ?? null,
      );
      if (outcome === 'not-modified') return new HttpResponseNotModified({ headers });
      if (outcome === 'precondition-failed') {
        logger.warn(escapeForLog(`Precondition Failed: ${this.request.path}`));
        return new HttpResponse('', { status: 412, headers: this.validators ?? {} });
      }
      return null;
    }

    /** Add `Last-Modified`/`ETag` (from `checkNotModified()`) to a response. */
    withValidators<R extends HttpResponse>(response: R): R {
      if (!this.validators) return response;
      for (const [name, value] of Object.entries(this.validators)) {
        if (!response.headers.has(name)) response.headers.set(name, value);
      }
      return response;
    }

    /** The validators of the current request, set by `checkNotModified()`. */
    validators?: Record<string, string>;
  }
  return ConditionalGetView;
}
