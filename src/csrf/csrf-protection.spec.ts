import { describe, expect, it } from '@jest/globals';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { HttpResponse } from '../http/http-response.js';
import { ViewRequest } from '../http/view-request.js';
import { attachCsrfState } from './csrf-state.js';
import { unmaskToken } from './csrf-token.js';
import type { CsrfOptions } from './csrf-options.interface.js';
import { CsrfProtection } from './csrf-protection.js';
import { finishCsrf, getToken, rotateToken } from './get-token.js';

const make = (csrf: CsrfOptions) => () => new CsrfProtection({ csrf });

describe('CsrfProtection options', () => {
  it('defaults to Django’s settings', () => {
    const csrf = new CsrfProtection();
    expect([csrf.cookieName, csrf.headerName, csrf.fieldName]).toEqual([
      'csrftoken',
      'X-CSRFToken',
      'csrfmiddlewaretoken',
    ]);
  });

  it('refuses SameSite=None without Secure, which browsers drop', () => {
    expect(make({ cookieSameSite: 'None' })).toThrow(
      new ImproperlyConfigured(
        "The csrf.cookieSameSite option of ClassViewsModule is 'None' but csrf.cookieSecure is false: browsers drop such a cookie. Set cookieSecure: true, or use 'Lax' (the default).",
      ),
    );
    expect(make({ cookieSameSite: 'None', cookieSecure: true })).not.toThrow();
  });

  it.each([
    [
      { cookieName: 'csrf token' },
      "The csrf.cookieName option of ClassViewsModule is 'csrf token', which is not allowed. Use letters, digits, '-' and '_' only.",
    ],
    [
      { headerName: 'X-Token\r\nX-Evil' },
      "The csrf.headerName option of ClassViewsModule is 'X-Token\r\nX-Evil', which is not allowed. Use letters, digits, '-' and '_' only.",
    ],
    [
      { fieldName: '"><script>' },
      "The csrf.fieldName option of ClassViewsModule is '\"><script>', which is not allowed. Use letters, digits, '-' and '_' only.",
    ],
    [
      { cookieAge: -1 },
      "The csrf.cookieAge option of ClassViewsModule is '-1', which is not allowed. Give a whole number of seconds, or null for a browser session cookie.",
    ],
    [
      { cookieAge: 1.5 },
      "The csrf.cookieAge option of ClassViewsModule is '1.5', which is not allowed. Give a whole number of seconds, or null for a browser session cookie.",
    ],
    [
      { cookieDomain: 'example.com; Path=/x' },
      "The csrf.cookieDomain option of ClassViewsModule is 'example.com; Path=/x', which is not allowed. Give a domain such as 'example.com', without spaces, ';' or ','.",
    ],
    [
      { cookiePath: '/a b' },
      "The csrf.cookiePath option of ClassViewsModule is '/a b', which is not allowed. Give a path such as '/', without spaces, ';' or ','.",
    ],
  ] as Array<[CsrfOptions, string]>)('refuses %j at start-up', (options, message) => {
    expect(make(options)).toThrow(new ImproperlyConfigured(message));
  });

  it('refuses getToken() and rotateToken() outside a class view’s request', () => {
    const request = new ViewRequest({ headers: {} }, 'GET', '/');
    expect(() => getToken(request)).toThrow(
      new ImproperlyConfigured(
        'getToken() needs a request served by a class view (ClassViewsModule sets the CSRF state up before the view runs).',
      ),
    );
    expect(() => rotateToken(request)).toThrow(
      new ImproperlyConfigured(
        'rotateToken() needs a request served by a class view (ClassViewsModule sets the CSRF state up before the view runs).',
      ),
    );
  });
});

describe('CsrfProtection on a safe request', () => {
  const view = { getCsrfExempt: () => false } as never;

  it('leaves the request and the platform request untouched until a token is read, then the response sets the cookie', () => {
    const csrf = new CsrfProtection();
    const raw = { headers: {} };
    const request = new ViewRequest(raw, 'GET', '/', undefined, undefined, { csrf });
    const keys = Reflect.ownKeys(request);
    csrf.protect(view, request);
    expect(Reflect.ownKeys(request)).toEqual(keys);
    expect(Reflect.ownKeys(raw)).toEqual(['headers']);
    const untouched = new HttpResponse('page');
    finishCsrf(raw, untouched);
    expect(untouched.headers.has('Set-Cookie')).toBe(false);

    const token = getToken(request);
    const response = new HttpResponse('page');
    finishCsrf(raw, response);
    expect(response.headers.get('set-cookie')!.startsWith(`csrftoken=${unmaskToken(token)}; `)).toBe(true);
  });
});

describe('CsrfProtection tokens', () => {
  const SECRET = 'lcccccccX2kcccccccY2jcccccccssIC';
  const requestWith = (cookie?: string) => new ViewRequest({ headers: cookie ? { cookie } : {} }, 'GET', '/');

  it('masks the cookie’s secret, or a new one when there is no valid cookie', () => {
    const csrf = new CsrfProtection();
    const kept = attachCsrfState(csrf, requestWith(`csrftoken=${SECRET}`));
    expect(unmaskToken(csrf.token(kept))).toBe(SECRET);
    const fresh = attachCsrfState(csrf, requestWith('csrftoken=not-valid'));
    const token = csrf.token(fresh);
    expect(unmaskToken(token)).toBe(fresh.secret);
    expect(fresh.secret).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(unmaskToken(csrf.token(fresh))).toBe(fresh.secret);
  });

  it('rotates to a new secret, which later tokens carry', () => {
    const csrf = new CsrfProtection();
    const state = attachCsrfState(csrf, requestWith(`csrftoken=${SECRET}`));
    csrf.rotate(state);
    expect(state.secret).not.toBe(SECRET);
    expect(unmaskToken(csrf.token(state))).toBe(state.secret);
    expect(state.cookieNeedsUpdate).toBe(true);
  });

  it('sets the cookie and Vary: Cookie only once a token was made or rotated', () => {
    const csrf = new CsrfProtection({ csrf: { cookieAge: null } });
    const unused = attachCsrfState(csrf, requestWith(`csrftoken=${SECRET}`));
    const untouched = new HttpResponse('page');
    csrf.finish(unused, untouched);
    expect([untouched.headers.has('Set-Cookie'), untouched.headers.has('Vary')]).toEqual([false, false]);
    const used = attachCsrfState(csrf, requestWith(`csrftoken=${SECRET}`));
    csrf.token(used);
    const response = new HttpResponse('page');
    csrf.finish(used, response);
    expect(response.headers.toJSON()).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Set-Cookie': [`csrftoken=${SECRET}; Path=/; SameSite=Lax`],
      Vary: 'Cookie',
    });
  });
});
