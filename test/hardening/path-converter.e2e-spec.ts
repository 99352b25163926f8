import { describe, expect, it } from '@jest/globals';
import { ClassViewsModule, path } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';
import { KwargsView } from '../views.js';

/**
 * A `path` converter's value is what Django's regex gives (`^p/(?P<x>.+)/\Z` and
 * `^q/(?P<x>.+)\Z`), whatever the platform's wildcard captured.
 */
describe.each(PLATFORMS)('a path converter gives the value Django gives on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        urlpatterns: [path('p/<path:x>/', KwargsView.asView()), path('q/<path:x>', KwargsView.asView())],
      }),
    ],
  });

  it.each([
    ['/p/abc/', 'abc'],
    ['/p/abc//', 'abc/'],
    ['/p/a/b/', 'a/b'],
    ['/q/abc', 'abc'],
    ['/q/abc/', 'abc/'],
    ['/q/a//', 'a//'],
    ['/q/a/b', 'a/b'],
  ])('GET %s gives x = %j', async (url, x) => {
    const res = await http.get(url);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ x });
  });

  it("'<path:x>/' without the trailing slash still redirects to the slashed URL (APPEND_SLASH)", async () => {
    const res = await http.get('/p/abc');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/p/abc/');
  });
});
