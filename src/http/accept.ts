import Negotiator from 'negotiator';

/** What a page that negotiates can send, in order of preference when `Accept` ranks them equal. */
const OFFERED = ['text/html; charset=utf-8', 'application/json; charset=utf-8'];

/**
 * Whether `Accept` ranks JSON above HTML by RFC 9110's rules, through `negotiator` (the
 * parser Express's `req.accepts()` uses): media types compared case-insensitively, ranges
 * (`application/*`, `*\/*`), q-values (`q=0` refuses), the most specific range deciding a
 * type's q-value; at equal q the more specific range wins, then the one listed first, then HTML.
 */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType(OFFERED) === OFFERED[1];
}

/** Whether a `Content-Type` is JSON (`application/json`, `application/problem+json`, …). */
export function isJsonContentType(contentType: string | undefined): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType ?? '');
}
