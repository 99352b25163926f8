import { describe, expect, it } from '@jest/globals';
import { Injectable, Module } from '@nestjs/common';
import {
  ClassView,
  ClassViewsModule,
  HttpResponse,
  JsonResponse,
  NoReverseMatch,
  path,
  registerConverter,
  reverse,
  UrlResolver,
  View,
} from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { AboutView } from '../views.js';

registerConverter('yyyy', {
  regex: '[0-9]{4}',
  toValue: (raw) => Number(raw),
  toUrl: (value) => String(value).padStart(4, '0'),
});

/** Echoes its converted kwargs with their JavaScript types. */
class EchoView extends View {
  get() {
    const typed = Object.fromEntries(Object.entries(this.kwargs).map(([k, v]) => [k, [v, typeof v]]));
    return new JsonResponse(typed);
  }
}

@ClassView('books/<int:pk>/', { name: 'book-detail' })
class BookView extends EchoView {}

@ClassView('no-slash')
class NoSlashView extends View {
  get() {
    return new HttpResponse('no slash');
  }
  post() {
    return new HttpResponse('posted');
  }
}

@ClassView('links/', { name: 'links' })
class LinksView extends View {
  constructor(private readonly urls: UrlResolver) {
    super();
  }
  get() {
    return new JsonResponse({
      injected: this.urls.reverse('book-detail', { pk: 7 }),
      plain: reverse('articles', { slug: 'dune-2' }),
      search: reverse('search', { term: 'a b?' }),
      file: reverse('files', { rest: 'a b/c.txt' }),
    });
  }
}

@Injectable()
class Marker {}

@Module({
  imports: [
    ClassViewsModule.forRoot({
      urlpatterns: [
        path('articles/<slug:slug>/', EchoView.asView(), { name: 'articles' }),
        path('items/<uuid:id>/', EchoView.asView()),
        path('files/<path:rest>', EchoView.asView(), { name: 'files' }),
        path('archive/<yyyy:year>/<str:title>/', EchoView.asView()),
        path('search/<term>/', EchoView.asView(), { name: 'search' }),
      ],
    }),
  ],
  providers: [BookView, NoSlashView, LinksView, Marker],
})
class AppModule {}

describe.each(PLATFORMS)('Routing on %s', (platform) => {
  const served = useTestApp(platform, AppModule);
  const { http } = served;

  it('converts <int:pk> to a number', async () => {
    expect((await http.get('/books/42/')).body).toEqual({ pk: [42, 'number'] });
  });

  it.each(['abc', '-1', '4.2', '%20'])('answers 404 for an int segment %j that does not convert', async (segment) => {
    const res = await http.get(`/books/${segment}/`);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(`Cannot GET /books/${segment}/`);
  });

  it('matches slugs and refuses other characters with 404', async () => {
    expect((await http.get('/articles/hello-world_2/')).body).toEqual({ slug: ['hello-world_2', 'string'] });
    expect((await http.get('/articles/caf%C3%A9/')).status).toBe(404);
  });

  it('matches lower-case UUIDs only', async () => {
    const id = '2f1c7d0e-9a4b-4c3d-8e2f-1a2b3c4d5e6f';
    expect((await http.get(`/items/${id}/`)).body).toEqual({ id: [id, 'string'] });
    expect((await http.get(`/items/${id.toUpperCase()}/`)).status).toBe(404);
    expect((await http.get('/items/not-a-uuid/')).status).toBe(404);
  });

  it('lets a path converter take slashes', async () => {
    expect((await http.get('/files/docs/2024/report.pdf')).body).toEqual({ rest: ['docs/2024/report.pdf', 'string'] });
  });

  it('serves a registered converter with its own type', async () => {
    expect((await http.get('/archive/1999/dune/')).body).toEqual({ year: [1999, 'number'], title: ['dune', 'string'] });
    expect((await http.get('/archive/99/dune/')).status).toBe(404);
  });

  it('decodes a percent-encoded str segment', async () => {
    expect((await http.get('/search/a%20b/')).body).toEqual({ term: ['a b', 'string'] });
  });

  it('redirects GET without the trailing slash to the slashed route with 301, query kept', async () => {
    const res = await http.get('/books/7?x=1&y=%E2%9C%93');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/books/7/?x=1&y=%E2%9C%93');
  });

  it('redirects HEAD the same way', async () => {
    const res = await http.head('/links');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/links/');
  });

  it('answers 404 to a POST without the trailing slash', async () => {
    expect((await http.post('/links')).status).toBe(404);
  });

  it('answers 404, not a redirect, when the slashed path does not convert', async () => {
    expect((await http.get('/books/abc')).status).toBe(404);
  });

  it('serves a route without a trailing slash exactly, and 404s the slashed form', async () => {
    expect((await http.get('/no-slash')).text).toBe('no slash');
    expect((await http.post('/no-slash').set(CSRF_HEADERS)).text).toBe('posted');
    expect((await http.get('/no-slash/')).status).toBe(404);
  });

  it('never redirects to another host', async () => {
    const res = await http.get('//evil.example/links');
    expect(res.headers.location ?? '').not.toMatch(/^\/\//);
  });

  it('reverses named routes with the injectable resolver and the plain function, URL-encoded', async () => {
    expect((await http.get('/links/')).body).toEqual({
      injected: '/books/7/',
      plain: '/articles/dune-2/',
      search: '/search/a%20b%3F/',
      file: '/files/a%20b/c.txt',
    });
  });

  it('throws NoReverseMatch for an unknown name or a missing argument', () => {
    const urls = served.app.get(UrlResolver);
    expect(() => urls.reverse('nope')).toThrow(
      new NoReverseMatch("Reverse for 'nope' not found. 'nope' is not a valid view function or pattern name."),
    );
    expect(() => urls.reverse('book-detail')).toThrow(NoReverseMatch);
    expect(() => urls.reverse('book-detail', { pk: 'x' })).toThrow(NoReverseMatch);
  });

  it('refuses to reverse a value its converter would not match, as Django does', () => {
    const urls = served.app.get(UrlResolver);
    expect(() => urls.reverse('search', { term: 'x/y' })).toThrow(NoReverseMatch);
    expect(() => urls.reverse('articles', { slug: 'a b' })).toThrow(NoReverseMatch);
  });
});

describe.each(PLATFORMS)('appendSlash: false on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [ClassViewsModule.forRootAsync({ useFactory: async () => ({ appendSlash: false }) })],
    providers: [AboutView],
  });

  it('answers 404 instead of redirecting (options from forRootAsync)', async () => {
    expect((await http.get('/about')).status).toBe(404);
    expect((await http.get('/about/')).text).toBe('about');
  });
});

describe('Fastify with ignoreTrailingSlash', () => {
  const { http } = useTestApp(
    'fastify',
    { imports: [ClassViewsModule.forRoot()], providers: [AboutView] },
    { fastify: { routerOptions: { ignoreTrailingSlash: true } } },
  );

  it('starts (no duplicate route) and still redirects to the slashed path', async () => {
    expect((await http.get('/about/')).text).toBe('about');
    expect((await http.get('/about')).status).toBe(301);
  });
});

describe.each(PLATFORMS)('Which view answers a path, whatever the method, on %s', (platform) => {
  @ClassView('people/me/')
  class MeView extends View {
    get() {
      return new HttpResponse('me');
    }
  }

  @ClassView('people/<str:name>/')
  class PersonView extends View {
    get() {
      return new HttpResponse(`person ${this.kwargs.name}`);
    }
    delete() {
      return new HttpResponse(`deleted ${this.kwargs.name}`);
    }
  }

  @ClassView('admin/panel/')
  class PanelView extends View {
    get() {
      return new HttpResponse('panel');
    }
  }

  const { http } = useTestApp(platform, {
    imports: [ClassViewsModule.forRoot()],
    providers: [MeView, PersonView, PanelView],
  });

  it('gives the static route’s view every method: DELETE /people/me/ is MeView’s 405', async () => {
    const res = await http.delete('/people/me/').set(CSRF_HEADERS);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await http.delete('/people/ada/').set(CSRF_HEADERS)).text).toBe('deleted ada');
  });

  it('answers a method no view has (TRACE) with the matching view’s 405', async () => {
    const res = await http.trace('/people/ada/');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, DELETE, HEAD, OPTIONS');
  });

  it('never serves a path whose slash is percent-encoded (/admin%2Fpanel/ is not /admin/panel/)', async () => {
    expect((await http.get('/admin%2Fpanel/')).status).toBe(404);
    expect((await http.trace('/admin%2Fpanel/')).status).toBe(404);
    expect((await http.get('/admin/panel/')).text).toBe('panel');
  });
});
