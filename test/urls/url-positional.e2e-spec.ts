import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import request from 'supertest';
import { ClassViewsModule, type Kwargs, path, TemplateView, UrlResolver, View } from '../../src/index.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';

/** A page rendering `url()` with the values of a book and a shelf. */
class ShelfPage extends TemplateView {
  override getContextData(kwargs: Kwargs) {
    return { ...super.getContextData(kwargs), slug: 'sf', year: 1965, book: { id: 7 } };
  }
}

class Stub extends View {}

describe.each(PLATFORMS)(
  "url() in templates with values in route order, as Django's {%% url 'name' 7 %%}, on %s",
  (platform) => {
    let app: INestApplication;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      app = await createApp(platform, {
        imports: [
          ClassViewsModule.forRoot({
            templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
            urlpatterns: [
              path('shelves/<slug:slug>/<int:year>/', Stub.asView(), { name: 'shelf' }),
              path('books/<int:pk>/update/', Stub.asView(), { name: 'book-update' }),
              path('page/', ShelfPage.asView({ templateName: 'url-positional.html' })),
              path('mixed/', ShelfPage.asView({ templateName: 'url-mixed.html' })),
            ],
          }),
        ],
      });
      http = request(app.getHttpServer());
    });
    afterAll(() => app.close());

    it('fills the route in order from values, an object of kwargs or keyword arguments alike', async () => {
      const res = await http.get('/page/');
      expect(res.status).toBe(200);
      expect(res.text.trim()).toBe(
        'positional=/shelves/sf/1965/;object=/shelves/sf/1965/;keywords=/shelves/sf/1965/;one=/books/7/update/',
      );
    });

    it('refuses values mixed with keyword arguments, as Django does, with a 500', async () => {
      expect((await http.get('/mixed/')).status).toBe(500);
    });

    it('builds the same URLs with reverse() on the running app', () => {
      const urls = app.get(UrlResolver);
      expect(urls.reverse('book-update', 7)).toBe('/books/7/update/');
      expect(urls.reverse('shelf', 'sf', 1965)).toBe(urls.reverse('shelf', { slug: 'sf', year: 1965 }));
    });
  },
);
