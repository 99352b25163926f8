import { describe, expect, it } from '@jest/globals';
import { Module, RequestMethod, VersioningType } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import {
  ClassView,
  ClassViewsModule,
  HttpResponse,
  path,
  RedirectView,
  UrlResolver,
  View,
  type ViewRequest,
} from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { PLATFORMS } from '../utils/platforms.js';
import { AboutView } from '../views.js';

/**
 * The URLs Nest serves a class view at, and reverse() names: under a global prefix, a
 * RouterModule path, URI versioning, and Fastify's rewriteUrl.
 */

describe.each(PLATFORMS)('A global prefix on %s', (platform) => {
  @ClassView('')
  class RootView extends View {
    get() {
      return new HttpResponse('root');
    }
  }

  const served = useTestApp(
    platform,
    { imports: [ClassViewsModule.forRoot()], providers: [AboutView, RootView] },
    { beforeInit: (nest) => void nest.setGlobalPrefix('api') },
  );
  const { http } = served;

  it('serves class views under the prefix only', async () => {
    expect((await http.get('/api/about/')).text).toBe('about');
    expect((await http.get('/about/')).status).toBe(404);
  });

  it('reverses named routes with the prefix', () => {
    expect(served.app.get(UrlResolver).reverse('about')).toBe('/api/about/');
  });

  it('serves the root route at the prefix', async () => {
    expect((await http.get('/api/')).text).toBe('root');
  });

  it('redirects to the slashed path under the prefix', async () => {
    const res = await http.get('/api/about');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/api/about/');
  });

  it('redirects the prefix alone to the root route, as APPEND_SLASH does for any route', async () => {
    const res = await http.get('/api?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/api/?x=1');
  });

  it('answers another method on a served path with the view’s 405', async () => {
    const res = await http.delete('/api/about/').set(CSRF_HEADERS);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });
});

describe.each(PLATFORMS)('RouterModule paths and prefix exclusions in reverse() on %s', (platform) => {
  @ClassView('books/<int:pk>/', { name: 'shop-book' })
  class ShopBookView extends View {
    get() {
      return new HttpResponse(`book ${this.kwargs.pk}`);
    }
  }

  @ClassView('', { name: 'shop-home' })
  class ShopHomeView extends View {
    get() {
      return new HttpResponse('shop');
    }
  }

  @ClassView('health/', { name: 'health' })
  class HealthView extends View {
    get() {
      return new HttpResponse('ok');
    }
  }

  @Module({ providers: [ShopBookView, ShopHomeView] })
  class ShopModule {}

  const served = useTestApp(
    platform,
    {
      imports: [
        ClassViewsModule.forRoot({
          urlpatterns: [path('to-book/<int:pk>/', RedirectView.asView({ patternName: 'shop-book' }))],
        }),
        ShopModule,
        RouterModule.register([{ path: 'shop', module: ShopModule }]),
      ],
      providers: [HealthView],
    },
    {
      beforeInit: (nest) =>
        void nest.setGlobalPrefix('api', { exclude: [{ path: 'health/', method: RequestMethod.ALL }] }),
    },
  );
  const { http } = served;

  it('reverses a view of a RouterModule module to the URL it is served at', async () => {
    const url = served.app.get(UrlResolver).reverse('shop-book', { pk: 7 });
    expect(url).toBe('/api/shop/books/7/');
    const res = await http.get(url);
    expect(res.status).toBe(200);
    expect(res.text).toBe('book 7');
  });

  it('reverses the root route of a RouterModule module to the module path', async () => {
    const url = served.app.get(UrlResolver).reverse('shop-home');
    expect(url).toBe('/api/shop/');
    expect((await http.get(url)).text).toBe('shop');
  });

  it('reverses a route excluded from the global prefix without the prefix, as Nest serves it', async () => {
    const url = served.app.get(UrlResolver).reverse('health');
    expect(url).toBe('/health/');
    expect((await http.get(url)).text).toBe('ok');
    expect((await http.get('/api/health/')).status).toBe(404);
  });

  it('redirects a RedirectView by pattern name to the mounted URL', async () => {
    const res = await http.get('/api/to-book/7/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/api/shop/books/7/');
  });
});

describe.each(PLATFORMS)('URI versioning in reverse() on %s', (platform) => {
  @ClassView('about/', { name: 'versioned-about' })
  class VersionedAboutView extends View {
    get() {
      return new HttpResponse('about v1');
    }
  }

  const served = useTestApp(
    platform,
    { imports: [ClassViewsModule.forRoot()], providers: [VersionedAboutView] },
    { beforeInit: (nest) => void nest.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' }) },
  );

  it('reverses to the versioned URL the view is served at', async () => {
    const url = served.app.get(UrlResolver).reverse('versioned-about');
    expect(url).toBe('/v1/about/');
    expect((await served.http.get(url)).text).toBe('about v1');
  });
});

describe('The URL a class view sees on Fastify with rewriteUrl', () => {
  class WhereView extends View {
    get(request: ViewRequest) {
      return new HttpResponse(`${request.getFullPath()} ${request.path}`);
    }
  }

  const { http } = useTestApp(
    'fastify',
    { imports: [ClassViewsModule.forRoot({ urlpatterns: [path('where/', WhereView.asView())] })] },
    {
      fastify: {
        rewriteUrl: (req) =>
          req.url!.startsWith('/old-where/') ? req.url!.replace('/old-where/', '/where/') : req.url!,
      },
    },
  );

  it('is the URL as the client sent it, as Fastify’s request.originalUrl gives it', async () => {
    expect((await http.get('/old-where/?q=1')).text).toBe('/old-where/?q=1 /old-where/');
    expect((await http.get('/where/?q=2')).text).toBe('/where/?q=2 /where/');
  });
});
