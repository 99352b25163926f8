/**
 * The `csrf` option of `ClassViewsModule.forRoot()`: names, trusted origins and cookie
 * attributes of the CSRF protection every class view has (Django's `CSRF_*` settings).
 * Every field is optional; the defaults are Django's.
 *
 * @example
 * ClassViewsModule.forRoot({ csrf: { trustedOrigins: ['https://*.example.com'], cookieSecure: true } })
 */
export interface CsrfOptions {
  /**
   * Check unsafe requests at all. `false` turns the check off for every class view, as a
   * Django project without `CsrfViewMiddleware`, and logs a warning at start-up: any site a
   * user visits could then post to the app with the user's cookies. For an API that browsers
   * never send cookies to. To spare a single view, set its `csrfExempt` instead. Tokens and
   * the cookie (`getToken()`, `csrf_input`) keep working. Default `true`.
   */
  enabled?: boolean;
  /** The cookie that holds the secret (Django's `CSRF_COOKIE_NAME`). Default `'csrftoken'`. */
  cookieName?: string;
  /**
   * The cookie's lifetime in seconds (`Max-Age` and `expires`), or `null` for a browser
   * session cookie (Django's `CSRF_COOKIE_AGE`). Default `31449600` (one year).
   */
  cookieAge?: number | null;
  /** The cookie's `Domain`, to share it with subdomains (Django's `CSRF_COOKIE_DOMAIN`). Default `null`: this host only. */
  cookieDomain?: string | null;
  /** The cookie's `Path` (Django's `CSRF_COOKIE_PATH`). Default `'/'`. */
  cookiePath?: string;
  /** Send the cookie over HTTPS only (Django's `CSRF_COOKIE_SECURE`). Default `false`; set `true` behind HTTPS. */
  cookieSecure?: boolean;
  /**
   * Hide the cookie from scripts (Django's `CSRF_COOKIE_HTTPONLY`). Default `false`: a
   * script reads the cookie to send the `X-CSRFToken` header; the cookie is no secret
   * from the page, as the token is in the page anyway.
   */
  cookieHttpOnly?: boolean;
  /** The cookie's `SameSite` (Django's `CSRF_COOKIE_SAMESITE`); `false` sends none. Default `'Lax'`. */
  cookieSameSite?: 'Lax' | 'Strict' | 'None' | false;
  /** The header a script sends the token in (Django's `CSRF_HEADER_NAME`). Default `'X-CSRFToken'`. */
  headerName?: string;
  /** The form field `csrf_input()` writes and a POST sends the token in. Default `'csrfmiddlewaretoken'`. */
  fieldName?: string;
  /**
   * Origins, besides the request's own host, that may send unsafe requests (Django's
   * `CSRF_TRUSTED_ORIGINS`): a scheme and host, and a `*.` for every subdomain, e.g.
   * `['https://admin.example.com', 'https://*.example.com']`. Default `[]`.
   */
  trustedOrigins?: readonly string[];
}
