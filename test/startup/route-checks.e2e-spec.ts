import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  ClassView,
  ClassViewsModule,
  DeleteView,
  DetailView,
  Form,
  ImproperlyConfigured,
  JsonResponseMixin,
  path,
  RedirectView,
  UpdateView,
} from '../../src/index.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';

const items = [{ id: 1, slug: 'one', text: 'first' }];
const JSON_ACCEPT = { Accept: 'application/json' };

describe.each(PLATFORMS)('Checks that depend on the route run at start-up, on %s', (platform) => {
  it('refuses a detail view whose route captures neither pk nor slug, naming the class and the fixes', async () => {
    @ClassView('items/latest/')
    class LatestItemView extends DetailView {
      override queryset = items;
    }
    const starting = createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [LatestItemView] });
    await expect(starting).rejects.toThrow(ImproperlyConfigured);
    await expect(starting).rejects.toThrow(
      "Generic detail view LatestItemView must be called with either an object pk or a slug in the URLconf: its route 'items/latest/' captures neither 'pk' nor 'slug'. Capture <int:pk> or <slug:slug> in the route, set LatestItemView.pkUrlKwarg or LatestItemView.slugUrlKwarg to a name the route captures, or override LatestItemView.getObject().",
    );
  });

  it('refuses an update view and a delete view routed without pk nor slug', async () => {
    const update = createApp(platform, {
      imports: [
        ClassViewsModule.forRoot({
          urlpatterns: [path('items/edit/', UpdateView.asView({ queryset: items, formClass: Form, successUrl: '/' }))],
        }),
      ],
    });
    await expect(update).rejects.toThrow(
      "Generic detail view UpdateView must be called with either an object pk or a slug in the URLconf: its route 'items/edit/'",
    );
    const remove = createApp(platform, {
      imports: [
        ClassViewsModule.forRoot({
          urlpatterns: [path('items/delete/', DeleteView.asView({ queryset: items, successUrl: '/' }))],
        }),
      ],
    });
    await expect(remove).rejects.toThrow(
      "Generic detail view DeleteView must be called with either an object pk or a slug in the URLconf: its route 'items/delete/'",
    );
  });

  it('accepts the kwarg pkUrlKwarg or slugUrlKwarg names, also when asView() sets it', async () => {
    class ItemView extends JsonResponseMixin(DetailView) {
      override queryset = items;
      override jsonFields = ['text'];
    }
    const app = await createApp(platform, {
      imports: [
        ClassViewsModule.forRoot({
          urlpatterns: [
            path('by-id/<int:id>/', ItemView.asView({ pkUrlKwarg: 'id' })),
            path('by-name/<slug:name>/', ItemView.asView({ slugUrlKwarg: 'name' })),
          ],
        }),
      ],
    });
    const http = request(app.getHttpServer());
    expect((await http.get('/by-id/1/').set(JSON_ACCEPT)).body).toEqual({ object: { text: 'first' } });
    expect((await http.get('/by-name/one/').set(JSON_ACCEPT)).body).toEqual({ object: { text: 'first' } });
    await app.close();
  });

  it('refuses a RedirectView whose url names a kwarg its route does not capture', async () => {
    const missing = createApp(platform, {
      imports: [
        ClassViewsModule.forRoot({ urlpatterns: [path('old/', RedirectView.asView({ url: '/a/%(slug)s/' }))] }),
      ],
    });
    await expect(missing).rejects.toThrow(ImproperlyConfigured);
    await expect(missing).rejects.toThrow(
      "RedirectView.url '/a/%(slug)s/' uses %(slug)s, but its route 'old/' captures no 'slug'. Capture <slug> in the route, remove the placeholder, or override RedirectView.getRedirectUrl().",
    );
    const inherited = createApp(platform, {
      imports: [
        ClassViewsModule.forRoot({
          urlpatterns: [path('old/<int:pk>/', RedirectView.asView({ url: '/a/%(constructor)s/' }))],
        }),
      ],
    });
    await expect(inherited).rejects.toThrow(
      "RedirectView.url '/a/%(constructor)s/' uses %(constructor)s, but its route 'old/<int:pk>/' captures no 'constructor'.",
    );
  });

  it('leaves a view with its own getObject() to its requests: the route cannot tell', async () => {
    @ClassView('items/first/')
    class FirstItemView extends JsonResponseMixin(DetailView) {
      override queryset = items;
      override jsonFields = ['text'];
      override async getObject() {
        return items[0];
      }
    }
    const app = await createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [FirstItemView] });
    expect((await request(app.getHttpServer()).get('/items/first/').set(JSON_ACCEPT)).body).toEqual({
      object: { text: 'first' },
    });
    await app.close();
  });
});
