import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ClassViewsModule, JsonResponse, path, View } from '../../src/index.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { useTestApp } from '../utils/app.js';
import { createApp, PLATFORMS, type Platform } from '../utils/platforms.js';
import { rawRequest } from './raw-http.js';

/** Answers its query string and form body as JSON. */
class EchoView extends View {
  get() {
    return new JsonResponse({ query: this.request.query.toJSON() });
  }

  post() {
    return new JsonResponse({ fields: Object.keys(this.request.body as object).length });
  }
}

/** Django's answer to too many fields: `TooManyFieldsSent`, a 400. */
const TOO_MANY = {
  statusCode: 400,
  error: 'Bad Request',
  message: 'The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.',
};

const fields = (count: number) => Array.from({ length: count }, (_, i) => `f${i}=1`).join('&');

/** The module of these tests: `EchoView` at `echo/`, with `options`. */
const echoModule = (options: Parameters<typeof ClassViewsModule.forRoot>[0] = {}) => ({
  imports: [ClassViewsModule.forRoot({ ...options, urlpatterns: [path('echo/', EchoView.asView())] })],
});
const appWith = (platform: Platform, options: Parameters<typeof ClassViewsModule.forRoot>[0] = {}) =>
  createApp(platform, echoModule(options));

describe.each(PLATFORMS)('query strings and form fields on %s', (platform) => {
  const served = useTestApp(platform, echoModule(), { listen: true });
  const { http } = served;

  it('separates query fields with & only: ?a=1;b=2 is a = "1;b=2", as in Django since CVE-2021-23336', async () => {
    const res = await http.get('/echo/?a=1;b=2&c=3');
    expect(res.body).toEqual({ query: { a: '1;b=2', c: '3' } });
  });

  it('reads 1,000 query fields and answers 400 to 1,001 (DATA_UPLOAD_MAX_NUMBER_FIELDS)', async () => {
    expect((await http.get(`/echo/?${fields(1000)}`)).status).toBe(200);
    const res = await http.get(`/echo/?${fields(1001)}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(TOO_MANY);
  });

  it('counts empty query fields as Django does: 1,001 fields of only & answer 400', async () => {
    expect((await http.get(`/echo/?${'&'.repeat(999)}`)).status).toBe(200);
    expect((await http.get(`/echo/?${'&'.repeat(1000)}`)).body).toEqual(TOO_MANY);
  });

  it('reads a form body of 1,000 fields and answers the same 400 to 1,001', async () => {
    const ok = await http.post('/echo/').set(CSRF_HEADERS).type('form').send(fields(1000));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ fields: 1000 });
    const res = await http.post('/echo/').set(CSRF_HEADERS).type('form').send(fields(1001));
    expect(res.status).toBe(400);
    expect(res.body).toEqual(TOO_MANY);
  });

  it('answers a form body of 100,000 empty fields in about ten times the time of 10,000', async () => {
    const port = served.port;
    const time = async (count: number) => {
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const body = Buffer.from('&'.repeat(count));
        const start = process.hrtime.bigint();
        const res = await rawRequest(
          port,
          `POST /echo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nCookie: ${CSRF_HEADERS.Cookie}\r\nX-CSRFToken: ${CSRF_HEADERS['X-CSRFToken']}`,
          body,
        );
        expect(res.status).toBe(400);
        if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    const small = await time(10_000);
    const large = await time(99_000);
    if (process.env.REPORT_TIMES) console.log(platform, 'form of many &', small.toFixed(2), large.toFixed(2));
    expect(large).toBeLessThan(30 * small + 100);
  });
});

describe.each(PLATFORMS)('the dataUploadMaxNumberFields option on %s', (platform) => {
  it('sets the limit: 5 fields are read, 6 answer 400, in query strings and form bodies', async () => {
    const app = await appWith(platform, { dataUploadMaxNumberFields: 5 });
    try {
      const http = request(app.getHttpServer());
      expect((await http.get(`/echo/?${fields(5)}`)).status).toBe(200);
      expect((await http.get(`/echo/?${fields(6)}`)).body).toEqual(TOO_MANY);
      expect((await http.post('/echo/').set(CSRF_HEADERS).type('form').send(fields(5))).status).toBe(200);
      expect((await http.post('/echo/').set(CSRF_HEADERS).type('form').send(fields(6))).body).toEqual(TOO_MANY);
    } finally {
      await app.close();
    }
  });

  it('counts a form body whatever the case of its content type', async () => {
    const app = await appWith(platform, { dataUploadMaxNumberFields: 5 });
    try {
      const http = request(app.getHttpServer());
      const type = 'Application/X-WWW-Form-URLencoded; charset=UTF-8';
      expect((await http.post('/echo/').set(CSRF_HEADERS).set('Content-Type', type).send(fields(5))).status).toBe(200);
      expect((await http.post('/echo/').set(CSRF_HEADERS).set('Content-Type', type).send(fields(6))).body).toEqual(
        TOO_MANY,
      );
    } finally {
      await app.close();
    }
  });

  it('null lifts the limit on query strings, as Django’s None', async () => {
    const app = await appWith(platform, { dataUploadMaxNumberFields: null });
    try {
      const res = await request(app.getHttpServer()).get(`/echo/?${fields(1500)}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.query)).toHaveLength(1500);
    } finally {
      await app.close();
    }
  });

  it('refuses a limit that is not a whole number at start-up', async () => {
    await expect(appWith(platform, { dataUploadMaxNumberFields: -1 })).rejects.toThrow(
      'The dataUploadMaxNumberFields option of ClassViewsModule is -1. Give a whole number of fields (0 or more), or null for no limit.',
    );
  });
});
