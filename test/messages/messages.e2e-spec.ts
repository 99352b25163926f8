import { describe, expect, it } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import {
  CharField,
  ClassViewsModule,
  CookieStorage,
  CreateView,
  DeleteView,
  Form,
  FormView,
  HttpResponseRedirect,
  ImproperlyConfigured,
  Message,
  MESSAGES_MESSAGES,
  TemplateView,
  UpdateView,
  View,
  addMessage,
  messages,
  path,
  schemaForm,
  SuccessMessageMixin,
  type ViewRequest,
} from '../../src/index.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { useTestApp } from '../utils/app.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';
import { CookieJar } from './cookie-jar.js';

const SECRET = 'messages-e2e-secret';
const OLD_SECRET = 'messages-e2e-old-secret';

/** Adds the messages the query asks for (`?text=…&level=…&tags=…`, repeated), then redirects to the page that shows them. */
class AddView extends View {
  get(request: ViewRequest) {
    const levels = request.query.getList('level');
    const tags = request.query.getList('tags');
    request.query.getList('text').forEach((text, i) => {
      addMessage(request, Number(levels[i] ?? messages.INFO), text, tags[i] ?? '');
    });
    return new HttpResponseRedirect('/messages/');
  }
}

/** Adds the message the query asks for, then fails: Nest answers with its JSON error. */
class AddThenFailView extends View {
  get(request: ViewRequest): HttpResponseRedirect {
    messages.info(request, request.query.get('text') ?? '');
    throw new BadRequestException('Not this time.');
  }
}

/** Adds five messages too long to fit together in one cookie (Django's test_max_cookie_length sizes). */
class AddLargeView extends View {
  get(request: ViewRequest) {
    const size = Math.trunc((2048 - 54) / 4.5 - 37);
    // Random-looking text, which compresses little, as Django's get_random_string() in its test.
    const text = (i: number) =>
      Array.from({ length: 10 }, (_, j) => createHash('sha256').update(`${i}.${j}`).digest('base64url')).join('');
    for (let i = 0; i < 5; i++) messages.info(request, `${i}${text(i)}`.slice(0, size));
    return new HttpResponseRedirect('/messages/');
  }
}

class NoteForm extends Form {
  static override fields = { text: new CharField({ maxLength: 40 }) };
}
const notes: Array<{ id: number; text: string }> = [];

class NoteCreateView extends SuccessMessageMixin(CreateView) {
  override successMessage = '%(text)s was created successfully';
}
class NoteUpdateView extends SuccessMessageMixin(UpdateView) {
  override successMessage = '%(text)s was updated';
}
class NoteDeleteView extends SuccessMessageMixin(DeleteView) {
  override successMessage = '%(text)s was deleted';
}
class ContactView extends SuccessMessageMixin(FormView) {
  override templateName = 'note_form.html';
  override formClass = schemaForm(z.object({ name: z.string() }));
  override successUrl = '/messages/';
  override successMessage = 'Thanks, %(name)s; 100%% received';
}

const noteViews = { queryset: notes, formClass: NoteForm, templateName: 'note_form.html', successUrl: '/messages/' };

describe.each(PLATFORMS)('Messages, %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        secretKey: SECRET,
        secretKeyFallbacks: [OLD_SECRET],
        messages: { tags: { [messages.ERROR]: 'danger' } },
        templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
        urlpatterns: [
          path('add/', AddView.asView()),
          path('add-large/', AddLargeView.asView()),
          path('add-then-fail/', AddThenFailView.asView()),
          path('messages/', TemplateView.asView({ templateName: 'messages.html' })),
          path('count/', TemplateView.asView({ templateName: 'count.html' })),
          path('if/', TemplateView.asView({ templateName: 'if.html' })),
          path('notes/new/', NoteCreateView.asView(noteViews)),
          path('notes/<int:pk>/edit/', NoteUpdateView.asView(noteViews)),
          path('notes/<int:pk>/delete/', NoteDeleteView.asView({ ...noteViews, formClass: Form })),
          path('contact/', ContactView.asView()),
        ],
      }),
    ],
  });

  /** GET `url` as a browser with `jar`, keeping the cookies it sets. */
  const get = async (jar: CookieJar, url: string) => {
    const res = await http.get(url).set('Cookie', jar.header());
    jar.take(res.headers['set-cookie']);
    return res;
  };
  const post = async (jar: CookieJar, url: string, body: Record<string, string>) => {
    const res = await http
      .post(url)
      .set(CSRF_HEADERS)
      .set('Cookie', jar.header(CSRF_HEADERS.Cookie!))
      .type('form')
      .send(body);
    jar.take(res.headers['set-cookie']);
    return res;
  };
  const shown = (html: string) =>
    [...html.matchAll(/<li class="([^"]*)">([^<]*)<\/li>/g)].map(([, tags, text]) => `${tags}: ${text}`);

  it('carries a message across a redirect, shows it once and clears it', async () => {
    const jar = new CookieJar();
    const added = await get(jar, '/add/?text=Hello');
    expect(added.status).toBe(302);
    expect([].concat(added.headers['set-cookie'] as never)).toEqual([
      expect.stringMatching(/^messages=[^;]+; HttpOnly; Path=\/; SameSite=Lax$/),
    ]);
    const page = await get(jar, '/messages/');
    expect(shown(page.text)).toEqual(['info: Hello']);
    expect(page.headers['set-cookie']).toEqual([
      'messages=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax',
    ]);
    const again = await get(jar, '/messages/');
    expect(shown(again.text)).toEqual([]);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  // Django's MessageMiddleware stores unread messages on every response, an error's too.
  it('keeps a message added before the view failed, in the cookie of Nest’s JSON error', async () => {
    const jar = new CookieJar();
    const failed = await get(jar, '/add-then-fail/?text=Kept');
    expect([failed.status, failed.body.message]).toEqual([400, 'Not this time.']);
    expect([].concat(failed.headers['set-cookie'] as never)).toEqual([
      expect.stringMatching(/^messages=[^;]+; HttpOnly; Path=\/; SameSite=Lax$/),
    ]);
    expect(shown((await get(jar, '/messages/')).text)).toEqual(['info: Kept']);
  });

  it('makes {% if messages %} false without messages and true with them, as Django’s base templates use it', async () => {
    const jar = new CookieJar();
    expect((await get(jar, '/if/')).text.trim()).toBe('no messages');
    await get(jar, '/add/?text=Hello');
    expect((await get(jar, '/if/')).text.trim()).toBe('<ul class="messages"><li class="info">Hello</li></ul>');
    expect((await get(jar, '/if/')).text.trim()).toBe('no messages');
  });

  it('keeps messages a page did not iterate, for the next page', async () => {
    const jar = new CookieJar();
    await get(jar, '/add/?text=Kept');
    const count = await get(jar, '/count/');
    expect(count.text.trim()).toBe('1 waiting');
    expect(count.headers['set-cookie']).toBeUndefined();
    expect(shown((await get(jar, '/messages/')).text)).toEqual(['info: Kept']);
  });

  it('drops messages below the level (INFO) and tags each by its level, extra tags first', async () => {
    const jar = new CookieJar();
    await get(
      jar,
      '/add/?text=dbg&level=10&tags=&text=Saved&level=25&tags=flash&text=Broke&level=40&tags=&text=Odd&level=33&tags=',
    );
    expect(shown((await get(jar, '/messages/')).text)).toEqual(['flash success: Saved', 'danger: Broke', ': Odd']);
  });

  it('sets no cookie when every message is below the level', async () => {
    const res = await http.get('/add/?text=dbg&level=10');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('escapes a message in the page', async () => {
    const jar = new CookieJar();
    await get(jar, `/add/?text=${encodeURIComponent('<b>bold</b>')}`);
    expect((await get(jar, '/messages/')).text).toContain('<li class="info">&lt;b&gt;bold&lt;/b&gt;</li>');
  });

  it('ignores a tampered cookie, without an error, and clears it', async () => {
    const jar = new CookieJar();
    await get(jar, '/add/?text=Real');
    const value = jar.get('messages')!;
    jar.set('messages', `${value.slice(0, -3)}${value.endsWith('AAA') ? 'BBB' : 'AAA'}`);
    const page = await get(jar, '/messages/');
    expect(page.status).toBe(200);
    expect(shown(page.text)).toEqual([]);
    expect(page.headers['set-cookie']).toEqual([expect.stringMatching(/^messages=""; expires=Thu, 01 Jan 1970/)]);
  });

  it('ignores a cookie signed with another key, and accepts one signed with a fallback key', async () => {
    const foreign = new CookieStorage({ secretKey: 'someone-else' }).encode([new Message(messages.INFO, 'Forged', '')]);
    expect(shown((await get(new CookieJar().set('messages', foreign), '/messages/')).text)).toEqual([]);
    const old = new CookieStorage({ secretKey: OLD_SECRET }).encode([
      new Message(messages.INFO, 'From before the rotation', ''),
    ]);
    expect(shown((await get(new CookieJar().set('messages', old), '/messages/')).text)).toEqual([
      'info: From before the rotation',
    ]);
  });

  it('drops the oldest messages when the cookie would pass 2048 characters', async () => {
    const jar = new CookieJar();
    await get(jar, '/add-large/');
    expect(jar.get('messages')!.length).toBeLessThanOrEqual(2048);
    expect(
      shown((await get(jar, '/messages/')).text).map((line) => line.slice('info: '.length, 'info: '.length + 1)),
    ).toEqual(['1', '2', '3', '4']);
  });

  it('adds the success message after create, update and delete, filled from the data', async () => {
    const jar = new CookieJar();
    const created = await post(jar, '/notes/new/', { text: 'Milk' });
    expect(created.status).toBe(302);
    expect(shown((await get(jar, '/messages/')).text)).toEqual(['success: Milk was created successfully']);
    const id = notes.find((note) => note.text === 'Milk')!.id;
    await post(jar, `/notes/${id}/edit/`, { text: 'Oat milk' });
    expect(shown((await get(jar, '/messages/')).text)).toEqual(['success: Oat milk was updated']);
    await post(jar, `/notes/${id}/delete/`, {});
    expect(notes.some((note) => note.id === id)).toBe(false);
    expect(shown((await get(jar, '/messages/')).text)).toEqual(['success: Oat milk was deleted']);
  });

  it('adds no message for an invalid form, and one for a valid FormView', async () => {
    const jar = new CookieJar();
    expect((await post(jar, '/notes/new/', { text: 'x'.repeat(41) })).status).toBe(200);
    expect(jar.get('messages')).toBeUndefined();
    await post(jar, '/contact/', { name: 'Ada' });
    expect(shown((await get(jar, '/messages/')).text)).toEqual(['success: Thanks, Ada; 100% received']);
  });
});

describe('Messages at start-up', () => {
  it('refuses the messages option without a secretKey, naming the option', async () => {
    const start = createApp('express', { imports: [ClassViewsModule.forRoot({ messages: {} })] });
    await expect(start).rejects.toThrow(ImproperlyConfigured);
    await expect(createApp('express', { imports: [ClassViewsModule.forRoot({ messages: {} })] })).rejects.toThrow(
      MESSAGES_MESSAGES.noSecretKey(),
    );
  });

  it('refuses a SuccessMessageMixin view when messages are off', async () => {
    const start = createApp('express', {
      imports: [ClassViewsModule.forRoot({ urlpatterns: [path('contact/', ContactView.asView())] })],
    });
    await expect(start).rejects.toThrow(MESSAGES_MESSAGES.successMessageWithoutMessages('ContactView'));
  });
});
