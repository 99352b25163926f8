import { CSRF_MESSAGES } from '../csrf/csrf.messages.js';

/** The statuses Django has a handler and a template for (`handler400`, …), and their template. */
export const ERROR_PAGE_TEMPLATES: Readonly<Record<number, string>> = Object.freeze({
  400: '400.html',
  403: '403.html',
  404: '404.html',
  500: '500.html',
});

/** Django's `CSRF_FAILURE_TEMPLATE_NAME`. */
export const CSRF_FAILURE_TEMPLATE = '403_csrf.html';

/** Django's bodies when a handler has no template (`ERROR_PAGE_TEMPLATE` of `django/views/defaults.py`). */
const BUILT_IN: Readonly<Record<number, readonly [title: string, details: string]>> = {
  400: ['Bad Request (400)', ''],
  403: ['403 Forbidden', ''],
  404: ['Not Found', 'The requested resource was not found on this server.'],
  500: ['Server Error (500)', ''],
};

/** Django's built-in page for `status` (one of 400, 403, 404, 500): no detail of the error. */
export function builtInErrorPage(status: number): string {
  const [title, details] = BUILT_IN[status] ?? BUILT_IN[500]!;
  return `\n<!doctype html>\n<html lang="en">\n<head>\n  <title>${title}</title>\n</head>\n<body>\n  <h1>${title}</h1><p>${details}</p>\n</body>\n</html>\n`;
}

/** Django's `REASON_NO_REFERER` and `REASON_NO_CSRF_COOKIE`, which get explanations of their own. */
const NO_REFERER = CSRF_MESSAGES.noReferer;
const NO_COOKIE = CSRF_MESSAGES.noCookie;

/** The context of Django's `csrf_failure()` (DEBUG off), for `403_csrf.html` and the built-in page. */
export function csrfFailureContext(reason: string): Record<string, unknown> {
  return {
    title: 'Forbidden',
    main: CSRF_MESSAGES.failed,
    reason,
    no_referer: reason === NO_REFERER,
    no_referer1:
      'You are seeing this message because this HTTPS site requires a “Referer header” to be sent by your web browser, but none was sent. This header is required for security reasons, to ensure that your browser is not being hijacked by third parties.',
    no_referer2:
      'If you have configured your browser to disable “Referer” headers, please re-enable them, at least for this site, or for HTTPS connections, or for “same-origin” requests.',
    no_referer3:
      'If you are using the <meta name="referrer" content="no-referrer"> tag or including the “Referrer-Policy: no-referrer” header, please remove them. The CSRF protection requires the “Referer” header to do strict referer checking. If you’re concerned about privacy, use alternatives like <a rel="noreferrer" …> for links to third-party sites.',
    no_cookie: reason === NO_COOKIE,
    no_cookie1:
      'You are seeing this message because this site requires a CSRF cookie when submitting forms. This cookie is required for security reasons, to ensure that your browser is not being hijacked by third parties.',
    no_cookie2:
      'If you have configured your browser to disable cookies, please re-enable them, at least for this site, or for “same-origin” requests.',
  };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);

/**
 * Django's built-in CSRF failure page (`csrf_403.html`) as it shows with DEBUG off, plus the
 * reason, which can hold text from the request (an `Origin`): escaped, as everything here.
 */
export function builtInCsrfFailurePage(context: Record<string, unknown>): string {
  const paragraphs = [context.main];
  if (context.no_referer) paragraphs.push(context.no_referer1, context.no_referer2, context.no_referer3);
  if (context.no_cookie) paragraphs.push(context.no_cookie1, context.no_cookie2);
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>403 Forbidden</title>
  <style>
    html * { padding:0; margin:0; }
    body * { padding:10px 20px; }
    body * * { padding:0; }
    body { font-family: sans-serif; background:#eee; color:#000; }
    body>div { border-bottom:1px solid #ddd; }
    h1 { font-weight:normal; margin-bottom:.4em; }
    h1 span { font-size:60%; color:#666; font-weight:normal; }
    #summary { background: #ffc; }
    #summary p, #reason p { padding-top:10px; }
    #reason { background:#f6f6f6; }
  </style>
</head>
<body>
<div id="summary">
  <h1>${escape(context.title)} <span>(403)</span></h1>
${paragraphs.map((text) => `  <p>${escape(text)}</p>`).join('\n')}
</div>
<div id="reason">
  <p>Reason given for failure: ${escape(context.reason)}</p>
</div>
</body>
</html>
`;
}
