import { httpDate, parseHttpDate } from '../http/http-date.js';
import { HttpResponse, HttpResponseNotModified } from '../http/http-response.js';
import type { ViewConstructor } from './view-constructor.js';

/**
 * Conditional GET as hooks (Django's `condition()` decorator): when `getLastModified()`
 * or `getEtag()` return a value, GET and HEAD answer `If-None-Match` and
 * `If-Modified-Since` with 304 and no body, before anything is rendered, and every
 * response carries `Last-Modified`/`ETag`.
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

    /** Work out the validators; a 304 when the client's copy is current, else `null`. */
    async checkNotModified(): Promise<HttpResponse | null> {
      const lastModifiedOrPromise = this.getLastModified();
      const etagOrPromise = this.getEtag();
      // No validators (the default): nothing to compare nor to add, and no promises to wait for.
      if (lastModifiedOrPromise == null && etagOrPromise == null) {
        this.validators = undefined;
        return null;
      }
      const [lastModified, etag] = await Promise.all([lastModifiedOrPromise, etagOrPromise]);
      const headers: Record<string, string> = {};
      if (lastModified) headers['Last-Modified'] = httpDate(lastModified);
      if (etag) headers.ETag = etag.startsWith('"') || etag.startsWith('W/"') ? etag : `"${etag}"`;
      this.validators = headers;
      const method = this.request.method;
      if (method !== 'GET' && method !== 'HEAD') return null;
      const ifNoneMatch = this.request.header('if-none-match');
      if (ifNoneMatch !== undefined) {
        return headers.ETag && etagMatches(ifNoneMatch, headers.ETag) ? new HttpResponseNotModified({ headers }) : null;
      }
      const since = parseHttpDate(this.request.header('if-modified-since'));
      if (since && lastModified && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since.getTime() / 1000)) {
        return new HttpResponseNotModified({ headers });
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

/** Weak comparison of `If-None-Match` against an ETag (`*` matches anything). */
function etagMatches(header: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = bare(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === wanted);
}
