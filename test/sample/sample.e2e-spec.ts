import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AppModule } from '../../sample/app.module.js';
import { escapeHtml } from '../../sample/html.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';

describe.each(PLATFORMS)('sample app on %s', (platform) => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createApp(platform, AppModule);
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('serves a home page linking to every other page by its reversed URL', async () => {
    const res = await http.get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const href of ['/hello/', '/hi/', '/async/', '/greet/ada/', '/staff/']) {
      expect(res.text).toContain(`href="${href}"`);
    }
  });

  it('serves the hello view', async () => {
    const res = await http.get('/hello/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('Hello');
  });

  it('redirects /hello to /hello/ with a 301, keeping the query string', async () => {
    const res = await http.get('/hello?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/hello/?x=1');
  });

  it('serves the async view', async () => {
    const res = await http.get('/async/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('Hello async world!');
  });

  it('serves the URLconf route with its asView() override', async () => {
    const res = await http.get('/hi/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('Hi');
  });

  it('refuses the staff page without the header', async () => {
    const res = await http.get('/staff/');
    expect(res.status).toBe(403);
  });

  it('greets the user the guard attached', async () => {
    const res = await http.get('/staff/').set('X-Staff', 'yes');
    expect(res.status).toBe(200);
    expect(res.text).toBe('Hello, staff');
  });

  it('greets the name captured from the URL', async () => {
    const res = await http.get('/greet/ada/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('Hello, ada');
  });

  it('answers 404 for a name that is not a slug', async () => {
    expect((await http.get('/greet/%3Cb%3E/')).status).toBe(404);
  });

  it('answers POST to a GET-only view with 405 and Allow', async () => {
    const res = await http.post('/hello/');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('leaves unknown paths to Nest’s 404', async () => {
    const res = await http.get('/nowhere/');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404 });
  });
});

describe('sample HTML escaping', () => {
  it('escapes the characters that could open markup or close an attribute', () => {
    expect(escapeHtml(`<b class="x">Tom & Jerry's</b>`)).toBe('&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;');
  });
});
