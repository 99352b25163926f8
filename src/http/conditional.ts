import { parseHttpDate } from './http-date.js';

/** What `getConditionalResponse()` decides: answer 304, answer 412, or serve the request. */
export type ConditionalOutcome = 'not-modified' | 'precondition-failed' | null;

/** The request headers a conditional request carries (names lower-case, as Node gives them). */
export interface ConditionalHeaders {
  'if-match'?: string;
  'if-unmodified-since'?: string;
  'if-none-match'?: string;
  'if-modified-since'?: string;
}

/** One entity tag, strong or weak (Django's `ETAG_MATCH`). */
const ETAG = /^(?:W\/)?"[^"]*"$/;

/**
 * Django's `parse_etags()`: `['*']` for a lone `*`, else the well-formed entity tags of a
 * comma-separated list (anything else in it is dropped).
 */
export function parseEtags(header: string | undefined): string[] {
  if (header === undefined) return [];
  if (header.trim() === '*') return ['*'];
  return header
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => ETAG.test(tag));
}

/**
 * Django 4.2's `get_conditional_response()` (RFC 9110 section 13.2.2): `If-Match`, then
 * `If-Unmodified-Since` (only without `If-Match`) fail with 412 for any method;
 * `If-None-Match` answers 304 for GET and HEAD and 412 for other methods; `If-Modified-Since`
 * (only without `If-None-Match`) answers 304 for GET and HEAD. `If-Match` compares strongly
 * (a weak ETag never matches), `If-None-Match` weakly. Dates are compared in whole seconds.
 *
 * @param method - the request method, upper-case.
 * @param headers - the request's headers.
 * @param etag - the resource's quoted ETag, or `null`.
 * @param lastModified - when the resource last changed, or `null`.
 */
export function getConditionalResponse(
  method: string,
  headers: ConditionalHeaders,
  etag: string | null,
  lastModified: Date | null,
): ConditionalOutcome {
  const ifMatch = parseEtags(headers['if-match']);
  const ifNoneMatch = parseEtags(headers['if-none-match']);
  const modified = lastModified === null ? null : Math.floor(lastModified.getTime() / 1000);
  if (ifMatch.length > 0 && !ifMatchPasses(etag, ifMatch)) return 'precondition-failed';
  if (ifMatch.length === 0) {
    const since = secondsOf(headers['if-unmodified-since']);
    if (since !== null && !(modified !== null && modified <= since)) return 'precondition-failed';
  }
  const safe = method === 'GET' || method === 'HEAD';
  if (ifNoneMatch.length > 0 && !ifNoneMatchPasses(etag, ifNoneMatch))
    return safe ? 'not-modified' : 'precondition-failed';
  if (ifNoneMatch.length === 0 && safe) {
    const since = secondsOf(headers['if-modified-since']);
    if (since !== null && modified !== null && modified <= since) return 'not-modified';
  }
  return null;
}

/** Django's `_if_match_passes()`: a strong comparison; `*` matches any current representation. */
function ifMatchPasses(etag: string | null, tags: string[]): boolean {
  if (!etag) return false;
  if (tags.length === 1 && tags[0] === '*') return true;
  if (etag.startsWith('W/')) return false;
  return tags.includes(etag);
}

/** Django's `_if_none_match_passes()`: a weak comparison; `*` matches any current representation. */
function ifNoneMatchPasses(etag: string | null, tags: string[]): boolean {
  if (!etag) return true;
  if (tags.length === 1 && tags[0] === '*') return false;
  const weak = (tag: string) => tag.replace(/^[W/]+/, '');
  const target = weak(etag);
  return !tags.some((tag) => weak(tag) === target);
}

/** An HTTP date header in whole seconds, or `null` when absent or not an HTTP date. */
function secondsOf(header: string | undefined): number | null {
  const date = parseHttpDate(header);
  return date === null ? null : Math.floor(date.getTime() / 1000);
}
