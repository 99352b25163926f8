import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ClassViewsModule, JsonResponseMixin, ListView, path } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

/** A list that answers JSON or HTML, as the client's `Accept` prefers. */
class NumbersView extends JsonResponseMixin(ListView<{ id: number }>) {
  queryset = [{ id: 1 }, { id: 2 }];
  jsonFields = ['id'];
  templateName = 'fine.html';
}

/** RFC 9110's `Accept` rules, section 12.5.1, decide between the template and JSON. */
describe.each(PLATFORMS)('content negotiation by Accept on %s', (platform) => {
  const answer = async (accept?: string) => {
    const req = http.get('/numbers/');
    const res = await (accept === undefined ? req : req.set('Accept', accept));
    expect(res.status).toBe(200);
    expect(res.headers.vary).toBe('Accept');
    return res.headers['content-type']!.startsWith('application/json') ? 'json' : res.headers['content-type'];
  };

  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        templates: { dirs: [join(import.meta.dirname, '..', 'hardening', 'fixtures')] },
        urlpatterns: [path('numbers/', NumbersView.asView())],
      }),
    ],
  });

  it('reads media types case-insensitively: Application/JSON is JSON', async () => {
    expect(await answer('Application/JSON')).toBe('json');
  });

  it('takes application/* as JSON, the only application type offered', async () => {
    expect(await answer('application/*')).toBe('json');
  });

  it('prefers the higher q-value: text/html;q=0.5, application/json is JSON', async () => {
    expect(await answer('text/html;q=0.5, application/json')).toBe('json');
  });

  it('reads q=0 as a refusal: application/json;q=0 gets the page', async () => {
    expect(await answer('application/json;q=0')).toBe('text/html; charset=utf-8');
    expect(await answer('application/json;q=0, */*')).toBe('text/html; charset=utf-8');
  });

  it('lets a more specific range set the q-value: */*;q=0.1, text/html;q=0 is JSON', async () => {
    expect(await answer('*/*;q=0.1, text/html;q=0')).toBe('json');
  });

  it('accepts a charset parameter on JSON', async () => {
    expect(await answer('application/json; charset=utf-8')).toBe('json');
  });

  it('keeps the page for browsers, */*, equal ranks listed HTML first, and no Accept', async () => {
    expect(await answer('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(
      'text/html; charset=utf-8',
    );
    expect(await answer('*/*')).toBe('text/html; charset=utf-8');
    expect(await answer('text/html, application/json')).toBe('text/html; charset=utf-8');
    expect(await answer()).toBe('text/html; charset=utf-8');
    expect(await answer('application/json, text/html')).toBe('json');
  });

  it('falls back to the page for an Accept it cannot read', async () => {
    for (const accept of ['garbage;;', ',,,', '"', 'application/json;q=abc', 'application/json;x="']) {
      expect(await answer(accept)).not.toBeUndefined();
    }
    expect(await answer('application/json;q=abc')).toBe('text/html; charset=utf-8');
  });
});
