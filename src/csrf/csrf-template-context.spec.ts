import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ViewRequest } from '../http/view-request.js';
import { TemplateEngines } from '../templates/template-engines.js';
import { UrlResolver } from '../urls/url-resolver.js';
import { CsrfProtection } from './csrf-protection.js';
import { attachCsrfState } from './csrf-state.js';
import { unmaskToken } from './csrf-token.js';

describe('CSRF in templates', () => {
  const render = async (source: string, request?: ViewRequest) => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-csrf-'));
    try {
      writeFileSync(join(dir, 'page.html'), source);
      return await new TemplateEngines(new UrlResolver(), { templates: { dirs: [dir] } }).render(
        ['page.html'],
        {},
        request,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('prints Django’s hidden input, unescaped, and the same token as csrf_token', async () => {
    const request = new ViewRequest({ headers: { cookie: 'csrftoken=lcccccccX2kcccccccY2jcccccccssIC' } }, 'GET', '/');
    const state = attachCsrfState(new CsrfProtection(), request);
    const html = await render('{{ csrf_input() }}|{{ csrf_token }}', request);
    const [, token, again] = /^<input type="hidden" name="csrfmiddlewaretoken" value="(\w{64})">\|(\w{64})$/.exec(
      html,
    )!;
    expect(again).toBe(token);
    expect(unmaskToken(token!)).toBe('lcccccccX2kcccccccY2jcccccccssIC');
    expect(state.cookieNeedsUpdate).toBe(true);
  });

  it('leaves the cookie alone when the template prints no token', async () => {
    const request = new ViewRequest({ headers: {} }, 'GET', '/');
    const state = attachCsrfState(new CsrfProtection(), request);
    await render('{% if csrf_token %}has a token{% endif %}', request);
    expect(state.cookieNeedsUpdate).toBe(false);
  });

  it('refuses to print a token outside a class view’s request, rather than print a form that will fail', async () => {
    // nunjucks puts the template's path before the message.
    await expect(render('{{ csrf_input() }}')).rejects.toThrow(
      'ImproperlyConfigured: csrf_input() needs a request served by a class view (ClassViewsModule sets the CSRF state up before the view runs).',
    );
    await expect(render('{{ csrf_token }}')).rejects.toThrow('csrf_token needs a request served by a class view');
  });
});
