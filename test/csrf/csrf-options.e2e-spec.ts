import { describe, expect, it, jest } from '@jest/globals';
import { type INestApplication, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import request from 'supertest';
import {
  ClassView,
  ClassViewsModule,
  getToken,
  HttpResponse,
  ImproperlyConfigured,
  JsonResponse,
  rotateToken,
  TemplateResponse,
  View,
  type ViewRequest,
} from '../../src/index.js';
import { maskSecret, unmaskToken } from '../../src/csrf/csrf-token.js';
import { rejectionOf } from '../utils/errors.js';
import { useTestApp } from '../utils/app.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';
import { csrfRefusal } from '../utils/csrf.js';

const SECRET = 'lcccccccX2kcccccccY2jcccccccssIC';

@ClassView('form/')
class FormPageView extends View {
  get(request: ViewRequest) {
    return new TemplateResponse(request, 'custom_form.html');
  }
  post() {
    return new HttpResponse('posted');
  }
}

/** A single-page app's bootstrap: the token as JSON, next to a cookie of the view's own. */
@ClassView('api/token/')
class TokenApiView extends View {
  get(request: ViewRequest) {
    return new JsonResponse(
      { token: getToken(request) },
      { headers: { 'Set-Cookie': 'theme=dark; Path=/', Vary: 'Accept' } },
    );
  }
}

/** A login: the old secret is worthless afterwards. */
@ClassView('login/')
class LoginView extends View {
  post(request: ViewRequest) {
    rotateToken(request);
    return new HttpResponse('logged in');
  }
}

const cookiesOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []);

describe.each(PLATFORMS)('CSRF options behind an HTTPS proxy on %s', (platform) => {
  const { http } = useTestApp(
    platform,
    {
      imports: [
        ClassViewsModule.forRoot({
          templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
          csrf: {
            cookieName: 'xsrf',
            headerName: 'X-XSRF-TOKEN',
            fieldName: 'xsrf_field',
            cookieAge: null,
            cookieDomain: '.shop.test',
            cookiePath: '/',
            cookieSecure: true,
            cookieHttpOnly: true,
            cookieSameSite: 'Strict',
            trustedOrigins: ['https://*.partner.test'],
          },
        }),
      ],
      providers: [FormPageView, TokenApiView, LoginView],
    },
    {
      // X-Forwarded-Proto: https makes the request secure, as behind a TLS proxy.
      fastify: { trustProxy: true },
      beforeInit: (nest) => {
        if (platform === 'express') (nest as NestExpressApplication).set('trust proxy', true);
      },
    },
  );

  const secure = (req: request.Test) => req.set({ Host: 'shop.test', 'X-Forwarded-Proto': 'https' });
  const withToken = (req: request.Test) =>
    secure(req).set({ Cookie: `xsrf=${SECRET}`, 'X-XSRF-TOKEN': maskSecret(SECRET) });

  it('names the cookie and the field as configured, with the configured attributes', async () => {
    const res = await secure(http.get('/form/'));
    const [cookie] = cookiesOf(res);
    expect(cookie).toMatch(/^xsrf=[A-Za-z0-9]{32}; Domain=\.shop\.test; HttpOnly; Path=\/; SameSite=Strict; Secure$/);
    expect(res.text).toMatch(
      /^<form method="post"><input type="hidden" name="xsrf_field" value="[A-Za-z0-9]{64}"><\/form>/,
    );
  });

  it('reads the token from the configured field and header', async () => {
    const field = await secure(http.post('/form/'))
      .set({ Cookie: `xsrf=${SECRET}`, Referer: 'https://shop.test/form/' })
      .type('form')
      .send({ xsrf_field: maskSecret(SECRET) });
    expect(field.text).toBe('posted');
    expect((await withToken(http.post('/form/')).set('Referer', 'https://shop.test/form/')).text).toBe('posted');
    const oldNames = await secure(http.post('/form/')).set({
      Cookie: `csrftoken=${SECRET}`,
      'X-CSRFToken': SECRET,
      Referer: 'https://shop.test/',
    });
    expect(oldNames.body).toEqual(csrfRefusal('CSRF cookie not set.'));
  });

  it('names the configured header in its refusal', async () => {
    const res = await withToken(http.post('/form/')).set({
      Referer: 'https://shop.test/',
      'X-XSRF-TOKEN': maskSecret('A'.repeat(32)),
    });
    expect(res.body).toEqual(csrfRefusal("CSRF token from the 'X-XSRF-TOKEN' HTTP header incorrect."));
  });

  it.each([
    ['no Referer', {}, 'Referer checking failed - no Referer.'],
    ['a malformed Referer', { Referer: 'shop.test/form/' }, 'Referer checking failed - Referer is malformed.'],
    [
      'an http Referer',
      { Referer: 'http://shop.test/form/' },
      'Referer checking failed - Referer is insecure while host is secure.',
    ],
    [
      'another site’s Referer',
      { Referer: 'https://evil.test/x' },
      'Referer checking failed - https://evil.test/x does not match any trusted origins.',
    ],
    [
      'an http Origin',
      { Origin: 'http://shop.test' },
      'Origin checking failed - http://shop.test does not match any trusted origins.',
    ],
    ['no Referer and Sec-Fetch-Site: none', { 'Sec-Fetch-Site': 'none' }, 'Referer checking failed - no Referer.'],
  ])(
    'refuses an HTTPS request with %s, even with a valid token (Django’s Referer check)',
    async (_case, headers, reason) => {
      const res = await withToken(http.post('/form/')).set(headers);
      expect(res.body).toEqual(csrfRefusal(reason));
    },
  );

  it.each([
    ['its own origin', { Origin: 'https://shop.test' }],
    ['a Referer from this host', { Referer: 'https://shop.test/form/' }],
    ['a Referer under the cookie’s domain', { Referer: 'https://www.shop.test/form/' }],
    ['a Referer from a trusted origin', { Referer: 'https://app.partner.test/' }],
    [
      'no Referer but Sec-Fetch-Site: same-origin (a browser, with Referrer-Policy: no-referrer)',
      { 'Sec-Fetch-Site': 'same-origin' },
    ],
  ])('accepts an HTTPS request with %s', async (_case, headers) => {
    expect((await withToken(http.post('/form/')).set(headers)).text).toBe('posted');
  });

  it('sets the cookie for getToken() beside the view’s own cookie, and adds Cookie to its Vary', async () => {
    const res = await secure(http.get('/api/token/')).set('Cookie', `xsrf=${SECRET}`);
    expect(unmaskToken(res.body.token)).toBe(SECRET);
    const cookies = cookiesOf(res);
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toBe('theme=dark; Path=/');
    expect(cookies[1]).toMatch(new RegExp(`^xsrf=${SECRET}; `));
    expect(res.headers.vary).toBe('Accept, Cookie');
  });

  it('sends a new secret after rotateToken(), and the old token no longer passes', async () => {
    const res = await withToken(http.post('/login/')).set('Referer', 'https://shop.test/');
    expect(res.text).toBe('logged in');
    const fresh = /^xsrf=(\w+);/.exec(cookiesOf(res)[0]!)![1]!;
    expect(fresh).toHaveLength(32);
    expect(fresh).not.toBe(SECRET);
    const stale = await secure(http.post('/form/')).set({
      Cookie: `xsrf=${fresh}`,
      'X-XSRF-TOKEN': maskSecret(SECRET),
      Referer: 'https://shop.test/',
    });
    expect(stale.body).toEqual(csrfRefusal("CSRF token from the 'X-XSRF-TOKEN' HTTP header incorrect."));
  });
});

describe.each(PLATFORMS)('CSRF misconfiguration on %s', (platform) => {
  it('fails at start-up with ImproperlyConfigured', async () => {
    const error = await rejectionOf(
      createApp(platform, {
        imports: [ClassViewsModule.forRoot({ csrf: { trustedOrigins: ['shop.test'] } })],
        providers: [FormPageView],
      }),
    );
    expect(error).toBeInstanceOf(ImproperlyConfigured);
    expect((error as Error).message).toBe(
      "The trusted origin 'shop.test' in the csrf.trustedOrigins option of ClassViewsModule must start with a scheme (usually http:// or https://), as Django's CSRF_TRUSTED_ORIGINS since Django 4.0.",
    );
  });
});

describe.each(PLATFORMS)('CSRF options from forRootAsync() on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRootAsync({
        useFactory: async () => ({
          templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
          csrf: { cookieName: 'async_csrf' },
        }),
      }),
    ],
    providers: [FormPageView],
  });

  it('reads the factory’s csrf options', async () => {
    expect(cookiesOf(await http.get('/form/'))[0]).toMatch(/^async_csrf=\w{32}; /);
    expect((await http.post('/form/').set({ Cookie: `async_csrf=${SECRET}`, 'X-CSRFToken': SECRET })).text).toBe(
      'posted',
    );
  });
});

describe.each(PLATFORMS)('CSRF turned off for the whole app (csrf.enabled: false) on %s', (platform) => {
  const WARNING =
    "CSRF protection is off for every class view (the csrf.enabled option of ClassViewsModule is false, as a Django project without CsrfViewMiddleware): any site a user visits can make the user's browser send POST, PUT, PATCH and DELETE requests to this app with the user's cookies. Turn it off only for an app that browsers send no cookies to; to spare one view, set its csrfExempt instead.";

  it('accepts a POST without cookie or token, and warns once at start-up', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    let app: INestApplication | undefined;
    try {
      app = await createApp(platform, {
        imports: [ClassViewsModule.forRoot({ csrf: { enabled: false } })],
        providers: [FormPageView],
      });
      expect(warn.mock.calls).toEqual([[WARNING]]);
      const res = await request(app.getHttpServer()).post('/form/').set('Origin', 'http://evil.example.com');
      expect(res.status).toBe(200);
      expect(res.text).toBe('posted');
    } finally {
      warn.mockRestore();
      await app?.close();
    }
  });

  it('still refuses that POST with 403 when the option is left out, and warns nothing', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    let app: INestApplication | undefined;
    try {
      app = await createApp(platform, {
        imports: [ClassViewsModule.forRoot({ csrf: { enabled: true } })],
        providers: [FormPageView],
      });
      expect(warn).not.toHaveBeenCalled();
      const res = await request(app.getHttpServer()).post('/form/');
      expect(res.status).toBe(403);
      expect(res.body).toEqual(csrfRefusal('CSRF cookie not set.'));
    } finally {
      warn.mockRestore();
      await app?.close();
    }
  });

  it('refuses an enabled option that is not a boolean at start-up', async () => {
    await expect(
      createApp(platform, {
        imports: [ClassViewsModule.forRoot({ csrf: { enabled: 'no' as unknown as boolean } })],
        providers: [FormPageView],
      }),
    ).rejects.toThrow("The csrf.enabled option of ClassViewsModule is 'no', which is not allowed. Give true or false.");
  });
});
