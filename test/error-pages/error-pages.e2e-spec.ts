import { describe, expect, it } from '@jest/globals';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
import { join } from 'node:path';
import type request from 'supertest';
import { ClassViewsModule, CSRF_MESSAGES, ErrorPagesFilter } from '../../src/index.js';
import { unmaskToken } from '../../src/csrf/csrf-token.js';
import { useTestApp } from '../utils/app.js';
import { silenceNestErrors } from '../utils/logs.js';
import { PLATFORMS, type Platform } from '../utils/platforms.js';
import { ERROR_VIEWS, GoneAwayFilter, LEAK, TeapotFilter } from './views.js';

const fixtures = (name: string) => join(import.meta.dirname, 'fixtures', name);
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const JSON_ACCEPT = 'application/json';

/** The error views on `platform`, with the templates of fixtures/`dir` (none for `null`) and two filters of the app's own. */
function useErrorPagesApp(platform: Platform, dir: string | null) {
  return useTestApp(
    platform,
    {
      imports: [
        ClassViewsModule.forRoot({ errorPages: true, templates: { dirs: dir === null ? [] : [fixtures(dir)] } }),
      ],
      providers: [...ERROR_VIEWS, { provide: APP_FILTER, useClass: GoneAwayFilter }],
    },
    { beforeInit: (app) => void app.useGlobalFilters(new TeapotFilter(app.get(HttpAdapterHost))) },
  );
}

/** Every answer: no stack frame, no file path, whatever the status. */
function expectNoLeak(res: request.Response) {
  expect(res.text ?? '').not.toMatch(LEAK);
}

describe.each(PLATFORMS)('error pages on %s', (platform) => {
  silenceNestErrors();
  const { http } = useErrorPagesApp(platform, 'pages');
  const get = (path: string, accept = HTML) => http.get(path).set('Accept', accept);

  it('renders 404.html for Http404, with request_path, exception and the request', async () => {
    const res = await get('/missing/');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<p id="path">/missing/</p>');
    expect(res.text).toContain('<p id="exception">No thing here</p>');
    expect(res.text).toContain('<p id="method">GET</p>');
    expectNoLeak(res);
  });

  it('renders 404.html for an unknown route (Nest’s 404), its path quoted as Django quotes it', async () => {
    const res = await get('/nowhere/caf%C3%A9/%3Cb%3E');
    expect(res.status).toBe(404);
    expect(res.text).toContain('<p id="path">/nowhere/caf%C3%A9/%3Cb%3E</p>');
    expect(res.text).toContain('<p id="exception">Cannot GET /nowhere/caf%C3%A9/%3Cb%3E</p>');
    expect(res.text).not.toContain('<b>');
  });

  it('renders 403.html for PermissionDenied, with its message', async () => {
    const res = await get('/denied/');
    expect(res.status).toBe(403);
    expect(res.text).toContain('<h1>No entry</h1>');
    expect(res.text).toContain('<p id="exception">Members only</p>');
  });

  it('lets 403.html print a CSRF token, setting the cookie, as Django’s requires_csrf_token', async () => {
    const res = await get('/denied/');
    expect(res.text).toMatch(/<input type="hidden" name="csrfmiddlewaretoken" value="[A-Za-z0-9]{64}">/);
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).some((line) => line.startsWith('csrftoken='))).toBe(
      true,
    );
  });

  it('renders 403.html for a guard’s refusal, before the view', async () => {
    const res = await get('/guarded/');
    expect(res.status).toBe(403);
    expect(res.text).toContain('<p id="exception">Forbidden resource</p>');
  });

  it('renders 400.html for a pipe’s refusal, without the exception, as Django', async () => {
    const res = await http.post('/piped/').set('Accept', HTML).type('form').send('a=1');
    expect(res.status).toBe(400);
    expect(res.text).toContain('<p id="exception">[]</p>');
    expect(res.text).toContain('<p id="path">/piped/</p>');
  });

  it('renders 400.html for a malformed JSON body sent by a browser-like client', async () => {
    const res = await http.post('/echo/').set('Accept', HTML).set('Content-Type', 'application/json').send('{"a":');
    expect(res.status).toBe(400);
    expect(res.text).toContain('<h1>Bad request</h1>');
    expectNoLeak(res);
  });

  it('keeps Nest’s JSON for a malformed JSON body from a script (no HTML in Accept)', async () => {
    const res = await http.post('/echo/').set('Content-Type', 'application/json').send('{"a":');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.statusCode).toBe(400);
  });

  it('renders 500.html with an empty context, showing nothing of the error', async () => {
    const res = await get('/boom/');
    expect(res.status).toBe(500);
    expect(res.text).toContain('<h1>Our server broke</h1>');
    expect(res.text).toContain('<p id="context">[][][]</p>');
    expect(res.text).not.toContain('secret');
    expectNoLeak(res);
  });

  it.each([
    ['/missing/', 404, { statusCode: 404, message: 'No thing here', error: 'Not Found' }],
    ['/denied/', 403, { statusCode: 403, message: 'Members only', error: 'Forbidden' }],
    ['/guarded/', 403, { statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' }],
    ['/boom/', 500, { statusCode: 500, message: 'Internal server error' }],
    ['/nowhere/', 404, { statusCode: 404, message: 'Cannot GET /nowhere/', error: 'Not Found' }],
  ])('keeps Nest’s JSON for %s when the client wants JSON', async (path, status, body) => {
    const res = await get(path, JSON_ACCEPT);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(body);
    expectNoLeak(res);
  });

  it('renders Django’s CSRF failure page with the reason, for a browser', async () => {
    const res = await http.post('/form/').set('Accept', HTML).type('form').send('a=1');
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<title>403 Forbidden</title>');
    expect(res.text).toContain('<h1>Forbidden <span>(403)</span></h1>');
    expect(res.text).toContain(`<p>${CSRF_MESSAGES.failed}</p>`);
    expect(res.text).toContain(
      'You are seeing this message because this site requires a CSRF cookie when submitting forms.',
    );
    expect(res.text).toContain('Reason given for failure: CSRF cookie not set.');
  });

  it('escapes a CSRF reason that quotes the request', async () => {
    const res = await http
      .post('/form/')
      .set('Accept', HTML)
      .set('Origin', 'https://<evil>.example')
      .type('form')
      .send('a=1');
    expect(res.status).toBe(403);
    expect(res.text).toContain(
      'Origin checking failed - https://&lt;evil&gt;.example does not match any trusted origins.',
    );
    expect(res.text).not.toContain('<evil>');
  });

  it('keeps Nest’s JSON for a CSRF refusal to a JSON client', async () => {
    const res = await http.post('/form/').set('Accept', JSON_ACCEPT).type('form').send('a=1');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: CSRF_MESSAGES.failed,
      reason: CSRF_MESSAGES.noCookie,
    });
  });

  it('leaves a 405 as Django sends it: empty body and Allow', async () => {
    const res = await http
      .delete('/only-get/')
      .set('Accept', HTML)
      .set('Cookie', 'csrftoken=TestSecretTestSecretTestSecret32')
      .set('X-CSRFToken', 'TestSecretTestSecretTestSecret32');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(res.text).toBe('');
  });

  it('lets the app’s APP_FILTER win over the error pages', async () => {
    const res = await get('/gone-away/');
    expect(res.status).toBe(404);
    expect(res.text).toBe('the app’s APP_FILTER');
  });

  it('lets a filter given to useGlobalFilters() win over the error pages', async () => {
    const res = await get('/teapot/');
    expect(res.status).toBe(418);
    expect(res.text).toBe('the app’s global filter');
  });

  it('lets a view’s own @UseFilters() win over the error pages', async () => {
    const res = await get('/own-filter/');
    expect(res.status).toBe(404);
    expect(res.text).toBe('the view’s own filter');
  });

  if (platform === 'fastify') {
    it('renders 400.html for Fastify’s own error (an empty JSON body)', async () => {
      const res = await http.post('/echo/').set('Accept', HTML).set('Content-Type', 'application/json');
      expect(res.status).toBe(400);
      expect(res.text).toContain('<h1>Bad request</h1>');
    });
  }
});

describe.each(PLATFORMS)('error pages whose templates fail, on %s', (platform) => {
  silenceNestErrors();
  const { http } = useErrorPagesApp(platform, 'broken');

  it('falls back to Django’s built-in 500 body when 500.html fails too', async () => {
    const res = await http.get('/boom/').set('Accept', HTML);
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<h1>Server Error (500)</h1><p></p>');
    expect(res.text).not.toContain('nothing');
    expect(res.text).not.toMatch(LEAK);
  });

  it('falls back to Django’s built-in 404 body when 404.html fails', async () => {
    const res = await http.get('/missing/').set('Accept', HTML);
    expect(res.status).toBe(404);
    expect(res.text).toContain('<h1>Not Found</h1><p>The requested resource was not found on this server.</p>');
  });

  it('keeps Nest’s answer for a status whose template the app does not have', async () => {
    const res = await http.get('/denied/').set('Accept', HTML);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ statusCode: 403, message: 'Members only', error: 'Forbidden' });
  });
});

describe.each(PLATFORMS)('error pages with the app’s own CSRF template, on %s', (platform) => {
  const { http } = useErrorPagesApp(platform, 'csrf');

  it('renders 403_csrf.html with Django’s context', async () => {
    const res = await http.post('/form/').set('Accept', HTML).type('form').send('a=1');
    expect(res.status).toBe(403);
    expect(res.text).toContain('<h1>Custom CSRF page</h1>');
    expect(res.text).toContain('<p id="reason">CSRF cookie not set.</p>');
    expect(res.text).toContain('<p id="hint">Turn cookies on.</p>');
  });

  it('answers as today without 404.html', async () => {
    const res = await http.get('/missing/').set('Accept', HTML);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, message: 'No thing here', error: 'Not Found' });
  });
});

describe.each(PLATFORMS)('error pages that print the CSRF token, on %s', (platform) => {
  silenceNestErrors();
  const { http } = useErrorPagesApp(platform, 'tokens');
  const OLD_SECRET = 'OldSecretOldSecretOldSecretOld32';

  it('keeps the secret the view rotated before it threw (a login whose next page is a 404)', async () => {
    const res = await http.get('/rotate-then-missing/').set('Accept', HTML).set('Cookie', `csrftoken=${OLD_SECRET}`);
    expect(res.status).toBe(404);
    const cookies = [res.headers['set-cookie'] ?? []].flat();
    expect(cookies).toHaveLength(1);
    const secret = /^csrftoken=([A-Za-z0-9]{32});/.exec(cookies[0]!)?.[1];
    expect(secret).toBeDefined();
    expect(secret).not.toBe(OLD_SECRET);
    const printed = /<p id="token">([A-Za-z0-9]{64})<\/p>/.exec(res.text)?.[1];
    expect(printed && unmaskToken(printed)).toBe(secret);
  });

  it('prints an empty token on the CSRF failure page, as Django does, so a layout with a form renders', async () => {
    const res = await http.post('/form/').set('Accept', HTML).type('form').send('a=1');
    expect(res.status).toBe(403);
    expect(res.text).toContain('<h1>Custom CSRF page</h1>');
    expect(res.text).toContain('<p id="token">[]</p>');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('prints an empty token on the server error page, as Django does', async () => {
    const res = await http.get('/boom/').set('Accept', HTML);
    expect(res.status).toBe(500);
    expect(res.text).toContain('<h1>Custom server error page</h1>');
    expect(res.text).toContain('<p id="token">[]</p>');
  });
});

describe.each(PLATFORMS)('error pages turned on by forRootAsync(), on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRootAsync({
        useFactory: async () => ({ errorPages: true, templates: { dirs: [fixtures('pages')] } }),
      }),
    ],
    providers: ERROR_VIEWS,
  });

  it('renders 404.html', async () => {
    const res = await http.get('/missing/').set('Accept', HTML);
    expect(res.status).toBe(404);
    expect(res.text).toContain('<p id="exception">No thing here</p>');
  });
});

describe.each(PLATFORMS)('ErrorPagesFilter registered by the app itself, on %s', (platform) => {
  const { http } = useTestApp(
    platform,
    { imports: [ClassViewsModule.forRoot({ templates: { dirs: [fixtures('pages')] } })], providers: ERROR_VIEWS },
    { beforeInit: (app) => void app.useGlobalFilters(app.get(ErrorPagesFilter)) },
  );

  it('renders 404.html for an unknown route, with the option left off', async () => {
    const res = await http.get('/nowhere/').set('Accept', HTML);
    expect(res.status).toBe(404);
    expect(res.text).toContain('<p id="exception">Cannot GET /nowhere/</p>');
  });
});
