/**
 * What the CSRF check answers and raises, in Django 4.2's words (`django/middleware/csrf.py`),
 * so that Django's documentation of each failure applies as it is.
 */
const ATTRIBUTE_HINTS: Record<string, string> = {
  enabled: 'Give true or false.',
  cookieName: "Use letters, digits, '-' and '_' only.",
  headerName: "Use letters, digits, '-' and '_' only.",
  fieldName: "Use letters, digits, '-' and '_' only.",
  cookieAge: 'Give a whole number of seconds, or null for a browser session cookie.',
  cookieDomain: "Give a domain such as 'example.com', without spaces, ';' or ','.",
  cookiePath: "Give a path such as '/', without spaces, ';' or ','.",
};

/** Every message of the CSRF check, in Django 4.2's words where Django has them. */
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

  /** Logged at start-up when the check is off for the whole app. */
  disabled:
    "CSRF protection is off for every class view (the csrf.enabled option of ClassViewsModule is false, as a Django project without CsrfViewMiddleware): any site a user visits can make the user's browser send POST, PUT, PATCH and DELETE requests to this app with the user's cookies. Turn it off only for an app that browsers send no cookies to; to spare one view, set its csrfExempt instead.",

  originWithoutScheme: (origin: string) =>
    `The trusted origin '${origin}' in the csrf.trustedOrigins option of ClassViewsModule must start with a scheme (usually http:// or https://), as Django's CSRF_TRUSTED_ORIGINS since Django 4.0.`,
  sameSiteNoneInsecure: () =>
    "The csrf.cookieSameSite option of ClassViewsModule is 'None' but csrf.cookieSecure is false: browsers drop such a cookie. Set cookieSecure: true, or use 'Lax' (the default).",
  badAttribute: (option: string, value: string) =>
    `The csrf.${option} option of ClassViewsModule is '${value}', which is not allowed. ${ATTRIBUTE_HINTS[option] ?? ''}`.trimEnd(),
  notServed: (what: string) =>
    `${what} needs a request served by a class view (ClassViewsModule sets the CSRF state up before the view runs).`,
} as const;
