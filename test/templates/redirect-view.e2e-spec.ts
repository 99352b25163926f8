import { describe, expect, it } from '@jest/globals';
import { ClassView, ClassViewsModule, HttpResponse, path, RedirectView, View } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';
import { CSRF_HEADERS } from '../utils/csrf.js';

@ClassView('', { name: 'home' })
class HomeView extends View {
  get() {
    return new HttpResponse('home');
  }
}

@ClassView('books/<int:pk>/', { name: 'book-detail' })
class BookView extends View {
  get() {
    return new HttpResponse(`book ${this.kwargs.pk}`);
  }
}

/** A subclass computing its URL, like Django's get_redirect_url() override. */
@ClassView('counter/<int:pk>/')
class CounterRedirectView extends RedirectView {
  permanent = false;
  queryString = true;
  patternName = 'book-detail';
}

/**
 * With its own getRedirectUrl(), whose URL the route cannot tell: a placeholder the route
 * does not capture fails per request (without it, at start-up: test/startup/route-checks).
 */
class OwnUrlRedirectView extends RedirectView {
  override getRedirectUrl(args: readonly unknown[], kwargs: Record<string, unknown>) {
    return super.getRedirectUrl(args, kwargs);
  }
}

describe.each(PLATFORMS)('RedirectView on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        urlpatterns: [
          path('go/<slug:slug>/', RedirectView.asView({ url: '/articles/%(slug)s/', queryString: true })),
          path('go-plain/<slug:slug>/', RedirectView.asView({ url: '/articles/%(slug)s/' })),
          path('old-home/', RedirectView.asView({ patternName: 'home', permanent: true })),
          path('old-book/<int:pk>/', RedirectView.asView({ patternName: 'book-detail' })),
          path('name/<str:name>/', RedirectView.asView({ url: '/people/%(name)s/' })),
          path('percent/', RedirectView.asView({ url: '/100%%/' })),
          path('bad-percent/', RedirectView.asView({ url: '/a%20b/' })),
          path('missing-key/', OwnUrlRedirectView.asView({ url: '/a/%(slug)s/' })),
          path('inherited-key/', OwnUrlRedirectView.asView({ url: '/a/%(constructor)s/' })),
          path('with-query/', RedirectView.asView({ url: '/a/?x=1', queryString: true })),
          path('gone/', RedirectView.asView()),
          path('empty/', RedirectView.asView({ url: '' })),
          path('js/', RedirectView.asView({ url: 'javascript:alert(1)' })),
        ],
      }),
    ],
    providers: [HomeView, BookView, CounterRedirectView],
  });

  it('fills %(name)s from the URL kwargs and keeps the query string exactly', async () => {
    const res = await http.get('/go/dune/?unicode=%E2%9C%93&a+b=c');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/articles/dune/?unicode=%E2%9C%93&a+b=c');
    expect(res.text).toBe('');
  });

  it('drops the query string unless queryString is set', async () => {
    expect((await http.get('/go-plain/dune/?a=1')).headers.location).toBe('/articles/dune/');
  });

  it('URL-encodes interpolated values', async () => {
    expect((await http.get('/name/J%C3%BCrgen%20K/')).headers.location).toBe('/people/J%C3%BCrgen%20K/');
  });

  it('redirects permanently (301) to a reversed pattern name', async () => {
    const res = await http.get('/old-home/');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/');
  });

  it('reverses the pattern with the same kwargs', async () => {
    expect((await http.get('/old-book/7/')).headers.location).toBe('/books/7/');
  });

  it('serves a RedirectView subclass with its own attributes', async () => {
    const res = await http.get('/counter/3/?ref=x');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/books/3/?ref=x');
  });

  it('turns %% into a literal %', async () => {
    expect((await http.get('/percent/')).headers.location).toBe('/100%/');
  });

  it('appends the query string blindly, as Django does', async () => {
    expect((await http.get('/with-query/?y=2')).headers.location).toBe('/a/?x=1?y=2');
  });

  it.each(['/bad-percent/', '/missing-key/', '/inherited-key/'])(
    'answers a url it cannot fill (%s) with a 500 and no details',
    async (url) => {
      const res = await http.get(url);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
    },
  );

  it.each(['/gone/', '/empty/'])('answers 410 Gone with an empty body when there is no URL (%s)', async (url) => {
    const res = await http.get(url);
    expect(res.status).toBe(410);
    expect(res.text).toBe('');
  });

  it('refuses a javascript: URL with 400 and no Location', async () => {
    const res = await http.get('/js/');
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });

  it.each(['post', 'put', 'patch', 'delete', 'options', 'head'] as const)('redirects %s too', async (method) => {
    const res = await http[method]('/go/dune/').set(CSRF_HEADERS);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/articles/dune/');
    expect(res.headers.allow).toBeUndefined();
  });

  it('answers TRACE with 405 and every other method in Allow', async () => {
    const res = await http.trace('/go/dune/');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS');
  });
});
