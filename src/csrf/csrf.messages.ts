/**
 * Why the CSRF check refuses a request, in Django 4.2's words (`django/middleware/csrf.py`'s
 * `REASON_*`), so that Django's documentation of each failure applies as it is. These are the
 * texts of the 403 answer (`CsrfFailure.reason`), not error codes; the CSRF mistakes made in
 * the configuration are in the message registry (`MESSAGES.csrf…`).
 */
export const CSRF_MESSAGES = {
  /** The 403 body's `message`, Django's page title. */
  failed: 'CSRF verification failed. Request aborted.',

  noCookie: 'CSRF cookie not set.',
  badCookie: (problem: string) => `CSRF cookie ${problem}.`,
  tokenMissing: 'CSRF token missing.',
  /** `source` is `POST` (the form field) or the header, e.g. `the 'X-CSRFToken' HTTP header`. */
  badToken: (source: string, problem: string) => `CSRF token from ${source} ${problem}.`,
  headerSource: (header: string) => `the '${header}' HTTP header`,

  badOrigin: (origin: string) => `Origin checking failed - ${origin} does not match any trusted origins.`,
  /** Not in Django 4.2: a browser said the request comes from another site, and sent no `Origin`. */
  badFetchSite: (site: string) => `Sec-Fetch-Site checking failed - a ${site} request without an Origin header.`,
  noReferer: 'Referer checking failed - no Referer.',
  malformedReferer: 'Referer checking failed - Referer is malformed.',
  insecureReferer: 'Referer checking failed - Referer is insecure while host is secure.',
  badReferer: (referer: string) => `Referer checking failed - ${referer} does not match any trusted origins.`,
} as const;
