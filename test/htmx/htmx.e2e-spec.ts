import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import {
  CharField,
  ClassView,
  Form,
  FormView,
  ClassViewsModule,
  HttpResponse,
  HttpResponseClientRedirect,
  HttpResponseClientRefresh,
  HttpResponseLocation,
  HttpResponseStopPolling,
  JsonResponse,
  ListView,
  pushUrl,
  reswap,
  retarget,
  triggerClientEvent,
  View,
  type ViewRequest,
} from '../../src/index.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

const BOOKS = ['Dune', 'Emma', '<Ulysses>', 'Beloved', 'Kindred'].map((title, i) => ({ id: i + 1, title }));

@ClassView('shelf/')
class ShelfView extends ListView {
  override queryset = BOOKS;
  override paginateBy = 2;
  override templateName = 'shelf.html';
  override htmxTemplateName = 'shelf.html#rows';
}

@ClassView('plain-shelf/')
class PlainShelfView extends ListView {
  override queryset = BOOKS;
  override templateName = 'shelf.html';
}

@ClassView('no-block/')
class NoBlockView extends ListView {
  override queryset = BOOKS;
  override templateName = 'shelf.html#missing';
}

@ClassView('details/')
class DetailsView extends View {
  get(request: ViewRequest) {
    const htmx = request.htmx;
    return new JsonResponse({
      htmx: htmx && {
        boosted: htmx.boosted,
        target: htmx.target,
        trigger: htmx.trigger,
        triggerName: htmx.triggerName,
        currentUrl: htmx.currentUrl,
        prompt: htmx.prompt,
        historyRestoreRequest: htmx.historyRestoreRequest,
        wantsFragment: htmx.wantsFragment,
      },
    });
  }
}

@ClassView('answers/<str:kind>/')
class AnswersView extends View {
  get(_request: ViewRequest, _args: unknown[], kwargs: { kind: string }) {
    switch (kwargs.kind) {
      case 'redirect':
        return new HttpResponseClientRedirect('/bücher/?q=1');
      case 'refresh':
        return new HttpResponseClientRefresh();
      case 'location':
        return new HttpResponseLocation('/shelf/');
      case 'location-options':
        return new HttpResponseLocation('/shelf/', { target: '#rows', swap: 'outerHTML' });
      case 'stop':
        return new HttpResponseStopPolling();
      default: {
        const response = retarget(reswap(pushUrl(new HttpResponse('ok'), '/shelf/?page=2'), 'outerHTML'), '#main');
        triggerClientEvent(response, 'saved', { id: 7, title: 'Ça' });
        triggerClientEvent(response, 'closeModal');
        return triggerClientEvent(response, 'done', {}, 'settle');
      }
    }
  }
}

class NoteForm extends Form {
  static override fields = { text: new CharField({ maxLength: 10 }) };
}

@ClassView('note/')
class NoteView extends FormView {
  override templateName = 'note.html';
  override formClass = NoteForm;
  override successUrl = '/shelf/?saved=1';
}

/** A success URL from the request (as a `?next=` would be): only http(s) and relative URLs may be sent. */
@ClassView('note-next/')
class NoteNextView extends NoteView {
  override getSuccessUrl() {
    return this.request.query.get('next') ?? '/';
  }
}

describe.each(PLATFORMS)('htmx on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [ClassViewsModule.forRoot({ templates: { dirs: [join(import.meta.dirname, 'fixtures')] } })],
    providers: [ShelfView, PlainShelfView, NoBlockView, DetailsView, AnswersView, NoteView, NoteNextView],
  });

  it('serves the whole page to a browser, varying on the htmx headers', async () => {
    const res = await http.get('/shelf/?page=2');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Shelf</h1>');
    expect(res.text).toContain('<tr><td>&lt;Ulysses&gt;</td></tr><tr><td>Beloved</td></tr>');
    expect(res.headers.vary).toBe('HX-Request, HX-Boosted, HX-History-Restore-Request');
  });

  it('serves only the rows block to htmx, from the same view and context, escaped', async () => {
    const res = await http.get('/shelf/?page=2').set('HX-Request', 'true');
    expect(res.status).toBe(200);
    expect(res.text).toBe('<tr><td>&lt;Ulysses&gt;</td></tr><tr><td>Beloved</td></tr>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers.vary).toBe('HX-Request, HX-Boosted, HX-History-Restore-Request');
  });

  it('serves the whole page to a boosted request and to a history restore', async () => {
    for (const header of ['HX-Boosted', 'HX-History-Restore-Request']) {
      const res = await http.get('/shelf/').set('HX-Request', 'true').set(header, 'true');
      expect(res.text).toContain('<h1>Shelf</h1>');
    }
  });

  it('adds no Vary to a view without a fragment template, and gives htmx the page', async () => {
    const res = await http.get('/plain-shelf/').set('HX-Request', 'true');
    expect(res.text).toContain('<h1>Shelf</h1>');
    expect(res.headers.vary).toBeUndefined();
  });

  it('answers 500 without details for a block the template lacks', async () => {
    const res = await http.get('/no-block/');
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('missing');
  });

  it('reads request.htmx from the HX-* headers, null without HX-Request', async () => {
    expect((await http.get('/details/')).body).toEqual({ htmx: null });
    expect((await http.get('/details/').set('HX-Request', 'false')).body).toEqual({ htmx: null });
    const res = await http
      .get('/details/')
      .set('HX-Request', 'true')
      .set('HX-Target', 'rows')
      .set('HX-Trigger', 'next')
      .set('HX-Trigger-Name', 'page')
      .set('HX-Current-URL', 'http://127.0.0.1/shelf/')
      .set('HX-Prompt', 'yes');
    expect(res.body.htmx).toEqual({
      boosted: false,
      target: 'rows',
      trigger: 'next',
      triggerName: 'page',
      currentUrl: 'http://127.0.0.1/shelf/',
      prompt: 'yes',
      historyRestoreRequest: false,
      wantsFragment: true,
    });
  });

  it('answers a valid form from htmx with HX-Redirect, and a browser with a 302', async () => {
    const post = () => http.post('/note/').set(CSRF_HEADERS).type('form');
    const htmx = await post().set('HX-Request', 'true').send('text=hello');
    expect(htmx.status).toBe(200);
    expect(htmx.headers['hx-redirect']).toBe('/shelf/?saved=1');
    expect(htmx.headers.location).toBeUndefined();
    const browser = await post().send('text=hello');
    expect([browser.status, browser.headers.location, browser.headers['hx-redirect']]).toEqual([
      302,
      '/shelf/?saved=1',
      undefined,
    ]);
    const invalid = await post().set('HX-Request', 'true').send('text=far+too+long+a+note');
    expect(invalid.status).toBe(200);
    expect(invalid.text).toContain('Ensure this value has at most 10 characters (it has 19).');
  });

  it('refuses a javascript: success URL for htmx as for a browser (400), sending no HX-Redirect', async () => {
    for (const htmx of [true, false]) {
      const req = http.post('/note-next/?next=javascript:alert(1)').set(CSRF_HEADERS).type('form');
      const res = await (htmx ? req.set('HX-Request', 'true') : req).send('text=hello');
      expect([res.status, res.headers['hx-redirect'], res.headers.location]).toEqual([400, undefined, undefined]);
    }
  });

  it('sends htmx’s response headers', async () => {
    const redirect = await http.get('/answers/redirect/');
    expect([redirect.status, redirect.headers['hx-redirect']]).toEqual([200, '/b%C3%BCcher/?q=1']);
    expect((await http.get('/answers/refresh/')).headers['hx-refresh']).toBe('true');
    expect((await http.get('/answers/location/')).headers['hx-location']).toBe('/shelf/');
    expect(JSON.parse((await http.get('/answers/location-options/')).headers['hx-location'] as string)).toEqual({
      path: '/shelf/',
      target: '#rows',
      swap: 'outerHTML',
    });
    expect((await http.get('/answers/stop/')).status).toBe(286);
    const res = await http.get('/answers/many/');
    expect(res.headers['hx-push-url']).toBe('/shelf/?page=2');
    expect(res.headers['hx-reswap']).toBe('outerHTML');
    expect(res.headers['hx-retarget']).toBe('#main');
    expect(res.headers['hx-trigger']).toBe('{"saved":{"id":7,"title":"\\u00c7a"},"closeModal":{}}');
    expect(res.headers['hx-trigger-after-settle']).toBe('{"done":{}}');
  });
});
