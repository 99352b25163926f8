import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
  type ArgumentsHost,
  type CallHandler,
  Catch,
  type ExceptionFilter,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
  type PipeTransform,
  UseFilters,
  UseInterceptors,
  UsePipes,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import type { Repository } from 'typeorm';
import {
  ClassView,
  ClassViewsModule,
  CsrfFailure,
  HttpResponse,
  type Kwargs,
  path,
  TemplateResponse,
  TemplateView,
  View,
  type ViewRequest,
} from '../../src/index.js';
import { maskSecret, unmaskToken } from '../../src/csrf/csrf-token.js';
import { getToken } from '../../src/csrf/get-token.js';
import { csrfFrom, csrfRefusal } from '../utils/csrf.js';
import type request from 'supertest';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';
import { Note } from './notes.js';

/** Stores a note for every unsafe method: a refused request must store nothing. */
class NoteWriter extends View {
  constructor(@InjectRepository(Note) readonly notes: Repository<Note>) {
    super();
  }
  async get(request: ViewRequest) {
    return new TemplateResponse(request, 'note_form.html');
  }
  async post(request: ViewRequest) {
    const body = (request.body ?? {}) as { text?: unknown };
    const note = await this.notes.save({ text: String(body.text ?? request.method) });
    return new HttpResponse(`saved ${note.id}`, { status: 201 });
  }
  async put(request: ViewRequest) {
    return this.post(request);
  }
  async patch(request: ViewRequest) {
    return this.post(request);
  }
  async delete(request: ViewRequest) {
    return this.post(request);
  }
}

@ClassView('notes/new/', { name: 'note-new' })
class NoteCreateView extends NoteWriter {}

/** An API for clients that authenticate otherwise. */
@ClassView('api/notes/')
class NoteApiView extends NoteWriter {
  override csrfExempt = true;
}

/** Exempt per request: a bearer token instead of the cookie. */
@ClassView('bearer/notes/')
class BearerNoteView extends NoteWriter {
  override getCsrfExempt() {
    return this.request.header('authorization') === 'Bearer good';
  }
}

/** dispatch() overridden without calling super: the check has run already. */
@ClassView('sneaky/')
class SneakyView extends NoteWriter {
  override dispatch(request: ViewRequest, _args: readonly unknown[], _kwargs: Kwargs) {
    return this.post(request);
  }
}

/** The README's page for refusals, written through Nest's adapter (Express and Fastify alike). */
@Catch(CsrfFailure)
class CsrfPageFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}
  catch(failure: CsrfFailure, host: ArgumentsHost) {
    const { httpAdapter } = this.adapterHost;
    const response = host.switchToHttp().getResponse();
    httpAdapter.setHeader(response, 'Content-Type', 'text/html; charset=utf-8');
    httpAdapter.reply(response, `<h1>Forbidden (403)</h1><p>${failure.reason}</p>`, 403);
  }
}

/** A view's own filter renders the refusal: it goes through Nest's exception filters. */
@ClassView('filtered/')
@UseFilters(CsrfPageFilter)
class FilteredNoteView extends NoteWriter {}

/** Sets `Vary: Origin` and a cookie of its own before the view runs, as a CORS or session layer would. */
@Injectable()
class EarlyHeadersInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}
  intercept(context: ExecutionContext, next: CallHandler) {
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] & {
      appendHeader(response: unknown, name: string, value: string): void;
    };
    const response = context.switchToHttp().getResponse();
    adapter.setHeader(response, 'Vary', 'Origin');
    adapter.appendHeader(response, 'Set-Cookie', 'early=1; Path=/');
    return next.handle();
  }
}

@ClassView('early/')
@UseInterceptors(EarlyHeadersInterceptor)
class EarlyHeadersNoteView extends NoteWriter {}

/** Keeps only `text`, as a validation pipe that strips unknown fields does. */
class OnlyTextPipe implements PipeTransform {
  transform(value: unknown) {
    return value && typeof value === 'object' ? { text: (value as { text?: unknown }).text } : value;
  }
}

@ClassView('piped/')
@UsePipes(OnlyTextPipe)
class PipedNoteView extends NoteWriter {}

/** Never reads a token (a Django view that does not call get_token()). */
class HelloView extends View {
  get() {
    return new HttpResponse('hello');
  }
}

/** Reads a token in `setup()`, before the CSRF check runs, and prints it. */
class SetupTokenView extends View {
  token = '';
  override setup(request: ViewRequest, args: unknown[], kwargs: Kwargs) {
    super.setup(request, args, kwargs);
    this.token = getToken(request);
  }
  get() {
    return new HttpResponse(this.token);
  }
}

const SECRET = 'lcccccccX2kcccccccY2jcccccccssIC';
const OTHER_SECRET = 'AbcdefghijAbcdefghijAbcdefghij12';

describe.each(PLATFORMS)('CSRF protection on %s', (platform) => {
  let notes: Repository<Note>;

  const served = useTestApp(platform, {
    imports: [
      TypeOrmModule.forRoot({ type: 'sqljs', entities: [Note], synchronize: true }),
      TypeOrmModule.forFeature([Note]),
      ClassViewsModule.forRoot({
        templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
        csrf: { trustedOrigins: ['https://admin.example.org', 'https://*.example.net'] },
        imports: [TypeOrmModule.forFeature([Note])],
        urlpatterns: [
          path('token/', TemplateView.asView({ templateName: 'token.html' })),
          path('plain/', TemplateView.asView({ templateName: 'plain.html' })),
          path('exempt-route/', NoteWriter.asView({ csrfExempt: true })),
          path('hello/', HelloView.asView()),
          path('setup-token/', SetupTokenView.asView()),
        ],
      }),
    ],
    providers: [
      NoteCreateView,
      NoteApiView,
      BearerNoteView,
      SneakyView,
      FilteredNoteView,
      PipedNoteView,
      EarlyHeadersNoteView,
    ],
  });
  const { http } = served;
  beforeAll(async () => {
    notes = served.app.get<Repository<Note>>('NoteRepository');
  });
  beforeEach(() => notes.clear());

  /** Cookie and token for `secret`, as a browser holding that cookie sends them. */
  const pair = (secret = SECRET) => ({ cookie: `csrftoken=${secret}`, token: maskSecret(secret) });

  describe('the token in pages', () => {
    it('sets the cookie, with Django’s attributes and Vary: Cookie, when a template prints csrf_input()', async () => {
      const res = await http.get('/notes/new/');
      expect(res.status).toBe(200);
      const [cookie] = res.headers['set-cookie'] as unknown as string[];
      expect(cookie).toMatch(
        /^csrftoken=[A-Za-z0-9]{32}; expires=\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT; Max-Age=31449600; Path=\/; SameSite=Lax$/,
      );
      expect(res.headers.vary).toBe('Cookie');
      const secret = /^csrftoken=(\w+)/.exec(cookie!)![1]!;
      const token = /<input type="hidden" name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})">/.exec(res.text)![1]!;
      expect(unmaskToken(token)).toBe(secret);
    });

    it('gives csrf_token and csrf_input() one token per render', async () => {
      const res = await http.get('/token/');
      const [, fromScript, fromInput] =
        /const token = "(\w+)";<\/script><input type="hidden" name="csrfmiddlewaretoken" value="(\w+)">/.exec(
          res.text,
        )!;
      expect(fromScript).toHaveLength(64);
      expect(fromScript).toBe(fromInput);
    });

    it('keeps the secret of a valid cookie and masks it afresh on every page', async () => {
      const first = await http.get('/notes/new/').set('Cookie', `csrftoken=${SECRET}`);
      const second = await http.get('/notes/new/').set('Cookie', `csrftoken=${SECRET}`);
      const tokens = [first, second].map((res) => /value="(\w+)"/.exec(res.text)![1]!);
      expect(tokens[0]).not.toBe(tokens[1]);
      expect(tokens.map(unmaskToken)).toEqual([SECRET, SECRET]);
      expect(String(first.headers['set-cookie'])).toMatch(new RegExp(`^csrftoken=${SECRET};`));
    });

    it('replaces a malformed cookie with a new secret', async () => {
      const res = await http.get('/notes/new/').set('Cookie', 'csrftoken=short');
      expect(String(res.headers['set-cookie'])).toMatch(/^csrftoken=[A-Za-z0-9]{32};/);
    });

    // Django's CsrfViewMiddleware.process_request() replaces a malformed cookie before any view
    // runs, so the response sets the new one even when nothing reads a token (checked on Django
    // 5.2.17, whose middleware is 4.2's here: `csrftoken=abc` GET → 200 with a new cookie).
    it('replaces a malformed cookie on a page that reads no token, and on an exempt view’s answer', async () => {
      for (const cookie of ['csrftoken=abc', 'csrftoken=', `csrftoken=${'-'.repeat(32)}`, `a=1; csrftoken=short`]) {
        const page = await http.get('/hello/').set('Cookie', cookie);
        expect([page.status, page.text, page.headers.vary]).toEqual([200, 'hello', 'Cookie']);
        expect(String(page.headers['set-cookie'])).toMatch(/^csrftoken=[A-Za-z0-9]{32}; expires=/);
      }
      const saved = await http.post('/api/notes/').set('Cookie', 'csrftoken=abc').send({ text: 'api' });
      expect(saved.status).toBe(201);
      expect(String(saved.headers['set-cookie'])).toMatch(/^csrftoken=[A-Za-z0-9]{32};/);
    });

    it('prints a token of the new secret on a page whose cookie was malformed, also one read in setup()', async () => {
      const res = await http.get('/notes/new/').set('Cookie', 'csrftoken=abc');
      const secret = /^csrftoken=(\w+);/.exec(String(res.headers['set-cookie']))![1]!;
      expect(res.headers['set-cookie']).toHaveLength(1);
      expect(unmaskToken(/value="(\w+)"/.exec(res.text)![1]!)).toBe(secret);
      const early = await http.get('/setup-token/').set('Cookie', 'csrftoken=abc');
      expect(early.headers['set-cookie']).toHaveLength(1);
      expect(unmaskToken(early.text)).toBe(/^csrftoken=(\w+);/.exec(String(early.headers['set-cookie']))![1]);
    });

    it('replaces a malformed cookie on the refusal too, Nest’s JSON 403, with Vary: Cookie', async () => {
      const refused = await http.post('/notes/new/').set('Cookie', 'csrftoken=abc').send({ text: 'x' });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(csrfRefusal('CSRF cookie has incorrect length.'));
      expect(String(refused.headers['set-cookie'])).toMatch(/^csrftoken=[A-Za-z0-9]{32}; expires=/);
      expect(refused.headers.vary).toBe('Cookie');
    });

    it('adds the new cookie to those already set, and Cookie to the Vary already set', async () => {
      const refused = await http.post('/early/').set('Cookie', 'csrftoken=abc').send({ text: 'x' });
      expect(refused.status).toBe(403);
      expect(refused.headers['set-cookie']).toEqual([
        'early=1; Path=/',
        expect.stringMatching(/^csrftoken=[A-Za-z0-9]{32}; expires=/),
      ]);
      expect(refused.headers.vary).toBe('Origin, Cookie');
    });

    it('replaces a malformed cookie on HEAD and OPTIONS too', async () => {
      for (const method of ['head', 'options'] as const) {
        const res = await http[method]('/hello/').set('Cookie', 'csrftoken=abc');
        expect(String(res.headers['set-cookie'])).toMatch(/^csrftoken=[A-Za-z0-9]{32};/);
      }
    });

    it('leaves a well-formed cookie, a 64-character masked one and other cookies alone', async () => {
      for (const cookie of [`csrftoken=${SECRET}`, `csrftoken=${maskSecret(SECRET)}`, 'csrftokenx=abc; other=abc']) {
        const page = await http.get('/hello/').set('Cookie', cookie);
        expect([page.status, page.headers['set-cookie'], page.headers.vary]).toEqual([200, undefined, undefined]);
      }
    });

    it('sets no cookie for a page that prints no token', async () => {
      const res = await http.get('/plain/');
      expect(res.status).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers.vary).toBeUndefined();
    });

    it('sets no cookie for a view that never reads a token, nor for an accepted POST whose answer prints none (Django’s get_token() not called)', async () => {
      for (const cookie of [undefined, `csrftoken=${SECRET}`]) {
        const page = await (cookie ? http.get('/hello/').set('Cookie', cookie) : http.get('/hello/'));
        expect([page.status, page.text, page.headers['set-cookie'], page.headers.vary]).toEqual([
          200,
          'hello',
          undefined,
          undefined,
        ]);
      }
      const { cookie, token } = pair();
      const saved = await http.post('/notes/new/').set('Cookie', cookie).set('X-CSRFToken', token);
      expect([saved.status, saved.headers['set-cookie'], saved.headers.vary]).toEqual([201, undefined, undefined]);
    });
  });

  describe('accepted requests', () => {
    it('accepts a form POST with the page’s cookie and token, and stores one row', async () => {
      const csrf = await csrfFrom(served.app, '/notes/new/');
      const res = await http
        .post('/notes/new/')
        .set('Cookie', csrf.cookie)
        .type('form')
        .send({ text: 'hello', ...csrf.field });
      expect([res.status, res.text]).toEqual([201, expect.stringMatching(/^saved \d+$/)]);
      expect(await notes.find()).toEqual([expect.objectContaining({ text: 'hello' })]);
    });

    it('accepts a JSON body with the token in X-CSRFToken (fetch() from a script)', async () => {
      const csrf = await csrfFrom(served.app, '/notes/new/');
      const res = await http.post('/notes/new/').set(csrf.headers).send({ text: 'from a script' });
      expect(res.status).toBe(201);
      expect(await notes.count()).toBe(1);
    });

    it('accepts PUT, PATCH, DELETE with the header token', async () => {
      const { cookie, token } = pair();
      for (const method of ['put', 'patch', 'delete'] as const) {
        expect((await http[method]('/notes/new/').set('Cookie', cookie).set('X-CSRFToken', token)).status).toBe(201);
      }
      expect(await notes.count()).toBe(3);
    });

    it('reads the form token before the app’s pipes, which may drop unknown fields', async () => {
      const { cookie, token } = pair();
      const res = await http
        .post('/piped/')
        .set('Cookie', cookie)
        .type('form')
        .send({ text: 'piped', csrfmiddlewaretoken: token });
      expect(res.status).toBe(201);
      expect(await notes.find()).toEqual([expect.objectContaining({ text: 'piped' })]);
    });

    it('accepts the bare secret as the token, as Django does', async () => {
      const res = await http.post('/notes/new/').set('Cookie', `csrftoken=${SECRET}`).set('X-CSRFToken', SECRET);
      expect(res.status).toBe(201);
    });

    it('reads the form field before the header, and the header when the field is empty (Django’s order)', async () => {
      const { cookie, token } = pair();
      const wrong = maskSecret(OTHER_SECRET);
      const fieldWins = await http
        .post('/notes/new/')
        .set('Cookie', cookie)
        .set('X-CSRFToken', wrong)
        .type('form')
        .send({ csrfmiddlewaretoken: token });
      expect(fieldWins.status).toBe(201);
      const emptyField = await http
        .post('/notes/new/')
        .set('Cookie', cookie)
        .set('X-CSRFToken', token)
        .type('form')
        .send({ csrfmiddlewaretoken: '' });
      expect(emptyField.status).toBe(201);
    });

    it('checks no safe method: GET, HEAD, OPTIONS, TRACE', async () => {
      expect((await http.get('/notes/new/')).status).toBe(200);
      expect((await http.head('/notes/new/')).status).toBe(200);
      expect((await http.options('/notes/new/')).status).toBe(200);
      expect((await http.trace('/notes/new/')).status).toBe(405);
    });

    it('lets an exempt view (csrfExempt = true) take POST and DELETE with no cookie nor token', async () => {
      expect((await http.post('/api/notes/').send({ text: 'api' })).status).toBe(201);
      expect((await http.delete('/api/notes/')).status).toBe(201);
      expect(await notes.count()).toBe(2);
    });

    it('exempts a route made with asView({ csrfExempt: true })', async () => {
      expect((await http.post('/exempt-route/')).status).toBe(201);
    });

    it('asks getCsrfExempt() per request, after setup()', async () => {
      expect((await http.post('/bearer/notes/').set('Authorization', 'Bearer good')).status).toBe(201);
      const refused = await http.post('/bearer/notes/').set('Authorization', 'Bearer bad');
      expect(refused.body).toEqual(csrfRefusal('CSRF cookie not set.'));
      expect(await notes.count()).toBe(1);
    });
  });

  describe('refused requests: 403 with Django’s reason, and nothing stored', () => {
    const refusals: Array<[string, (req: request.Test) => request.Test, string]> = [
      [
        'no cookie',
        (req) => req.type('form').send({ csrfmiddlewaretoken: maskSecret(SECRET) }),
        'CSRF cookie not set.',
      ],
      // Django keeps an empty cookie value and finds it too short (checked on Django 5.2.17,
      // whose CsrfViewMiddleware._get_secret() is 4.2's): not "CSRF cookie not set.".
      [
        'an empty cookie',
        (req) => req.set('Cookie', 'csrftoken=').set('X-CSRFToken', SECRET),
        'CSRF cookie has incorrect length.',
      ],
      [
        'a cookie of the wrong length',
        (req) => req.set('Cookie', 'csrftoken=abc').set('X-CSRFToken', SECRET),
        'CSRF cookie has incorrect length.',
      ],
      [
        'a cookie with other characters',
        (req) => req.set('Cookie', `csrftoken=${'-'.repeat(32)}`).set('X-CSRFToken', SECRET),
        'CSRF cookie has invalid characters.',
      ],
      ['no token', (req) => req.set('Cookie', pair().cookie), 'CSRF token missing.'],
      [
        'no token in a form',
        (req) => req.set('Cookie', pair().cookie).type('form').send({ text: 'x' }),
        'CSRF token missing.',
      ],
      [
        'a form token of another secret',
        (req) =>
          req
            .set('Cookie', pair().cookie)
            .type('form')
            .send({ csrfmiddlewaretoken: maskSecret(OTHER_SECRET) }),
        'CSRF token from POST incorrect.',
      ],
      [
        'a short form token',
        (req) => req.set('Cookie', pair().cookie).type('form').send({ csrfmiddlewaretoken: 'abc' }),
        'CSRF token from POST has incorrect length.',
      ],
      [
        'a form token with other characters',
        (req) =>
          req
            .set('Cookie', pair().cookie)
            .type('form')
            .send({ csrfmiddlewaretoken: `${'!'.repeat(64)}` }),
        'CSRF token from POST has invalid characters.',
      ],
      [
        'a header token of another secret',
        (req) => req.set('Cookie', pair().cookie).set('X-CSRFToken', maskSecret(OTHER_SECRET)),
        "CSRF token from the 'X-CSRFToken' HTTP header incorrect.",
      ],
      [
        'a header token of the wrong length',
        (req) => req.set('Cookie', pair().cookie).set('X-CSRFToken', 'x'.repeat(63)),
        "CSRF token from the 'X-CSRFToken' HTTP header has incorrect length.",
      ],
      [
        'a token in a JSON body instead of the header',
        (req) => req.set('Cookie', pair().cookie).send({ csrfmiddlewaretoken: maskSecret(SECRET) }),
        'CSRF token missing.',
      ],
      [
        'the cookie’s secret under another cookie name',
        (req) => req.set('Cookie', `sessionid=${SECRET}`).set('X-CSRFToken', SECRET),
        'CSRF cookie not set.',
      ],
    ];

    it.each(refusals)('refuses a POST with %s', async (_case, build, reason) => {
      const res = await build(http.post('/notes/new/'));
      expect(res.status).toBe(403);
      expect(res.body).toEqual(csrfRefusal(reason));
      expect(await notes.count()).toBe(0);
    });

    it.each(['put', 'patch', 'delete'] as const)('refuses %s without a token', async (method) => {
      const res = await http[method]('/notes/new/').set('Cookie', pair().cookie);
      expect(res.body).toEqual(csrfRefusal('CSRF token missing.'));
      expect(await notes.count()).toBe(0);
    });

    it('refuses a method Django does not list (PROPFIND) before the view’s 405', async () => {
      const res = await http.propfind('/notes/new/');
      expect(res.body).toEqual(csrfRefusal('CSRF cookie not set.'));
    });

    it('refuses a view that overrides dispatch(): the check runs before it', async () => {
      const res = await http.post('/sneaky/').send({ text: 'x' });
      expect(res.body).toEqual(csrfRefusal('CSRF cookie not set.'));
      expect(await notes.count()).toBe(0);
    });

    it('throws CsrfFailure through the view’s exception filters', async () => {
      const res = await http.post('/filtered/').set('Cookie', pair().cookie);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toBe('<h1>Forbidden (403)</h1><p>CSRF token missing.</p>');
      expect(await notes.count()).toBe(0);
    });

    it('logs a warning with the reason and the path (no query), as Django does', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        await http.post('/notes/new/?x=1');
        await http.post('/notes/new/').set({ Host: 'shop.example.com', Origin: 'http://evil.example.com' });
        expect(warn.mock.calls).toEqual([
          ['Forbidden (CSRF cookie not set.): /notes/new/'],
          [
            'Forbidden (Origin checking failed - http://evil.example.com does not match any trusted origins.): /notes/new/',
          ],
        ]);
      } finally {
        warn.mockRestore();
      }
    });

    it('takes a token only with the cookie it was made for', async () => {
      const csrf = await csrfFrom(served.app, '/notes/new/');
      const res = await http
        .post('/notes/new/')
        .set('Cookie', pair(OTHER_SECRET).cookie)
        .set('X-CSRFToken', csrf.token);
      expect(res.body).toEqual(csrfRefusal("CSRF token from the 'X-CSRFToken' HTTP header incorrect."));
    });
  });

  describe('Origin and Sec-Fetch-Site', () => {
    const post = (headers: Record<string, string>) => {
      const { cookie, token } = pair();
      return http
        .post('/notes/new/')
        .set({ Cookie: cookie, 'X-CSRFToken': token, Host: 'shop.example.com', ...headers });
    };

    it('accepts the request’s own origin, port included', async () => {
      expect((await post({ Origin: 'http://shop.example.com' })).status).toBe(201);
      expect((await post({ Host: 'shop.example.com:8080', Origin: 'http://shop.example.com:8080' })).status).toBe(201);
    });

    it.each([
      ['another site', 'http://evil.example.com'],
      ['the same host over another scheme', 'https://shop.example.com'],
      ['another port', 'http://shop.example.com:8080'],
      ['an opaque origin', 'null'],
      ['a sibling subdomain', 'http://other.example.com'],
    ])('refuses %s, even with a valid token', async (_case, origin) => {
      const res = await post({ Origin: origin });
      expect(res.body).toEqual(csrfRefusal(`Origin checking failed - ${origin} does not match any trusted origins.`));
      expect(await notes.count()).toBe(0);
    });

    it('accepts trusted origins: exact, and every subdomain of a *. entry', async () => {
      expect((await post({ Origin: 'https://admin.example.org' })).status).toBe(201);
      expect((await post({ Origin: 'https://a.example.net' })).status).toBe(201);
      expect((await post({ Origin: 'https://a.b.example.net' })).status).toBe(201);
      expect((await post({ Origin: 'https://example.net' })).status).toBe(201);
    });

    it('matches trusted origins by scheme', async () => {
      expect((await post({ Origin: 'http://admin.example.org' })).status).toBe(403);
      expect((await post({ Origin: 'http://a.example.net' })).status).toBe(403);
      expect((await post({ Origin: 'https://example.net.evil.com' })).status).toBe(403);
    });

    it('still needs the token from a trusted origin', async () => {
      const res = await http.post('/notes/new/').set({ Host: 'shop.example.com', Origin: 'http://shop.example.com' });
      expect(res.body).toEqual(csrfRefusal('CSRF cookie not set.'));
    });

    it('refuses a request a browser calls cross-site or same-site when it has no Origin', async () => {
      expect((await post({ 'Sec-Fetch-Site': 'cross-site' })).body).toEqual(
        csrfRefusal('Sec-Fetch-Site checking failed - a cross-site request without an Origin header.'),
      );
      expect((await post({ 'Sec-Fetch-Site': 'same-site' })).body).toEqual(
        csrfRefusal('Sec-Fetch-Site checking failed - a same-site request without an Origin header.'),
      );
      expect(await notes.count()).toBe(0);
    });

    it('accepts same-origin and user-initiated (none) requests, and clients that send no Sec-Fetch-Site', async () => {
      expect((await post({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
      expect((await post({ 'Sec-Fetch-Site': 'none' })).status).toBe(201);
      expect((await post({})).status).toBe(201);
    });

    it('checks the Origin rather than Sec-Fetch-Site when both are sent (a trusted origin is cross-site)', async () => {
      expect((await post({ Origin: 'https://admin.example.org', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(201);
    });
  });
});
