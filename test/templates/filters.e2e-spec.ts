import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ClassViewsModule, path, TemplateView } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

const dirs = [join(import.meta.dirname, 'fixtures')];

/** What the page shows besides the title, which comes from the URL. */
const extraContext = {
  published: new Date(Date.UTC(2008, 0, 9, 15, 5)),
  now: new Date(Date.UTC(2008, 0, 11, 18, 30)),
  comments: ['first'],
  replies: 2,
  rating: 34.26,
  size: 123456789,
  subtitle: '',
  editor: null,
  featured: null,
  body: 'Line <1>\nLine 2',
};

describe.each(PLATFORMS)('Django template filters on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        templates: { dirs, timeZone: 'Europe/Paris' },
        urlpatterns: [
          path('filters/<str:title>/', TemplateView.asView({ templateName: 'filters.html', extraContext })),
        ],
      }),
    ],
  });

  it('renders dates in the configured time zone, counts, numbers and text with Django’s filters', async () => {
    const res = await http.get('/filters/Joel%20is%20a%20slug/');
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      '<p>Published Wed 09 Jan 2008, Jan. 9, 2008 at 16:05 CET (2\xa0days, 3\xa0hours ago).</p>',
    );
    expect(res.text).toContain('<p>1 comment, 2 replies. Rating 34.3, size 117.7\xa0MB.</p>');
    expect(res.text).toContain('<p>Joel is … / Joel i… / No subtitle / nobody / maybe</p>');
    expect(res.text).toContain('<p>Line &lt;1&gt;<br>Line 2</p>');
    expect(res.text).toContain('<a href="/search/?q=Joel%20is%20a%20slug">search</a>');
  });

  it('escapes text from the request that a filter cut or encoded', async () => {
    const res = await http.get(`/filters/${encodeURIComponent('<b>x<i> & more')}/`);
    expect(res.text).toContain('<p>&lt;b&gt;x&lt;i&gt; &amp; … / &lt;b&gt;x&lt;i… / No subtitle / nobody / maybe</p>');
    expect(res.text).toContain('?q=%3Cb%3Ex%3Ci%3E%20%26%20more"');
    expect(res.text).not.toContain('<b>x');
  });
});
