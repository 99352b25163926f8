import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import {
  ClassViewsModule,
  HttpResponse,
  path,
  RedirectView,
  reverse,
  RoutePattern,
  TemplateView,
  View,
} from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

class FilesView extends View {
  get() {
    return new HttpResponse(`file ${this.kwargs.rest}`);
  }
}

/**
 * A URL starting with `//` is scheme-relative: a browser sends `//evil.example/` to
 * evil.example. Django's reverse() escapes a leading `//` to `/%2F`; so does the library,
 * in every helper that builds a URL from a route.
 */
describe.each(PLATFORMS)('no URL helper yields a scheme-relative URL on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
        urlpatterns: [
          path('old/<path:rest>', RedirectView.asView({ patternName: 'files' })),
          path('moved/<path:rest>', RedirectView.asView({ url: '/%(rest)s' })),
          path('link/<path:rest>', TemplateView.asView({ templateName: 'link.html' })),
          path('<path:rest>', FilesView.asView(), { name: 'files' }),
        ],
      }),
    ],
  });

  it("reverse() escapes a leading '//' to '/%2F', as Django does", () => {
    expect(reverse('files', { rest: '/evil.example/' })).toBe('/%2Fevil.example/');
    expect(reverse('files', { rest: 'a//b' })).toBe('/a//b');
  });

  it("RoutePattern.reverse() escapes a leading '//' too", () => {
    expect(RoutePattern.parse('<path:rest>').reverse({ rest: '//evil.example' })).toBe('/%2F/evil.example');
  });

  it('RedirectView({ patternName }) never redirects to another host', async () => {
    const res = await http.get('/old//evil.example/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/%2Fevil.example/');
  });

  it("RedirectView({ url }) escapes a leading '//' made by a filled value", async () => {
    const res = await http.get('/moved//evil.example/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/%2Fevil.example/');
  });

  it("{{ url() }} in a template escapes a leading '//'", async () => {
    const res = await http.get('/link//evil.example/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('/%2Fevil.example/');
  });

  it('the escaped URL still reaches the route, with the value it was built from', async () => {
    const res = await http.get('/%2Fevil.example/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('file /evil.example/');
  });
});
