import { describe, expect, it } from '@jest/globals';
import { CSRF_MESSAGES } from '../csrf/csrf.messages.js';
import { builtInCsrfFailurePage, builtInErrorPage, csrfFailureContext } from './built-in-pages.js';

describe('built-in error pages', () => {
  it.each([
    [400, 'Bad Request (400)', ''],
    [403, '403 Forbidden', ''],
    [404, 'Not Found', 'The requested resource was not found on this server.'],
    [500, 'Server Error (500)', ''],
  ])("answer %i with Django's body", (status, title, details) => {
    const body = builtInErrorPage(status);
    expect(body).toContain(`<title>${title}</title>`);
    expect(body).toContain(`<h1>${title}</h1><p>${details}</p>`);
  });

  it("explain a missing Referer as Django's CSRF page does, escaping the text", () => {
    const page = builtInCsrfFailurePage(csrfFailureContext(CSRF_MESSAGES.noReferer));
    expect(page).toContain('requires a “Referer header” to be sent by your web browser');
    expect(page).toContain(
      'If you are using the &lt;meta name=&quot;referrer&quot; content=&quot;no-referrer&quot;&gt; tag',
    );
    expect(page).not.toContain('requires a CSRF cookie');
    expect(page).toContain('Reason given for failure: Referer checking failed - no Referer.');
  });

  it('say nothing more for a bad token than the title and the reason', () => {
    const page = builtInCsrfFailurePage(csrfFailureContext(CSRF_MESSAGES.tokenMissing));
    expect(page).toContain('<p>CSRF verification failed. Request aborted.</p>\n</div>');
    expect(page).toContain('Reason given for failure: CSRF token missing.');
  });
});
