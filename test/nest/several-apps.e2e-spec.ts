import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ClassViewsModule, HttpResponse, path, RedirectView, View } from '../../src/index.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { appFrom, createApp, PLATFORMS } from '../utils/platforms.js';
import { HelloView } from '../views.js';

/** Apps that share views: several apps from one compiled testing module, one provider object in two apps, a frozen provider. */

describe.each(PLATFORMS)('Several apps over the same views on %s', (platform) => {
  class GoView extends RedirectView {
    override patternName = 'hello';
  }

  it('serves the views on each app a compiled testing module makes, not their documentation', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ClassViewsModule.forRoot()],
      providers: [HelloView],
    }).compile();
    const first = await appFrom(platform, moduleRef);
    const second = await appFrom(platform, moduleRef);
    try {
      for (const app of [first, second]) {
        const res = await request(app.getHttpServer()).get('/hello/');
        expect(res.status).toBe(200);
        expect(res.text).toBe('Hello');
        expect((await request(app.getHttpServer()).delete('/hello/').set(CSRF_HEADERS)).headers.allow).toBe(
          'GET, HEAD, OPTIONS',
        );
      }
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('gives each app its own context when two apps share one provider object', async () => {
    // `overrideProvider().useValue()` with one object in two apps: each app's prefix applies.
    const shared = new GoView();
    const make = async (prefix: string) => {
      const moduleRef = await Test.createTestingModule({
        imports: [ClassViewsModule.forRoot({ urlpatterns: [path('go/', GoView.asView())] })],
        providers: [HelloView],
      })
        .overrideProvider(GoView)
        .useValue(shared)
        .compile();
      return appFrom(platform, moduleRef, { beforeInit: (app) => void app.setGlobalPrefix(prefix) });
    };
    const a = await make('a');
    const b = await make('b');
    try {
      expect((await request(a.getHttpServer()).get('/a/go/')).headers.location).toBe('/a/hello/');
      expect((await request(b.getHttpServer()).get('/b/go/')).headers.location).toBe('/b/hello/');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('serves a view whose provider is frozen', async () => {
    class FrozenView extends View {
      constructor() {
        super();
        Object.freeze(this);
      }
      get() {
        return new HttpResponse('frozen');
      }
    }
    const app = await createApp(platform, {
      imports: [ClassViewsModule.forRoot({ urlpatterns: [path('frozen/', FrozenView.asView())] })],
    });
    try {
      expect((await request(app.getHttpServer()).get('/frozen/')).text).toBe('frozen');
    } finally {
      await app.close();
    }
  });
});
