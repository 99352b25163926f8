import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ClassViewsModule, HttpResponse, path, type TemplateContext, TemplateView, View } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS, sleep } from '../utils/platforms.js';

/** What the error carries must never reach the client. */
const SECRET = 'boom at /work/app/secret.ts:12:3 while running SELECT * FROM user';

class SyncThrowView extends View {
  get(): HttpResponse {
    throw new Error(SECRET);
  }
}

class AsyncThrowView extends View {
  async get(): Promise<HttpResponse> {
    await sleep(1);
    throw new TypeError(SECRET);
  }
}

/** Sets a status and headers, then its template fails after writing 10 KB of output. */
class BrokenTemplateView extends TemplateView {
  templateName = 'broken.html';
  override getContextData(kwargs: TemplateContext) {
    return {
      ...super.getContextData(kwargs),
      explode: () => {
        throw new Error(SECRET);
      },
    };
  }
  override renderToResponse(context: TemplateContext) {
    return super.renderToResponse(context, { status: 201, headers: { 'X-Partial': 'yes', 'Set-Cookie': 'half=1' } });
  }
}

const NEST_500 = { statusCode: 500, message: 'Internal server error' };

describe.each(PLATFORMS)('a view or template that throws on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
        urlpatterns: [
          path('sync/', SyncThrowView.asView()),
          path('async/', AsyncThrowView.asView()),
          path('template/', BrokenTemplateView.asView()),
          path('missing/', TemplateView.asView({ templateName: 'no-such-template.html' })),
          path('fine/', TemplateView.asView({ templateName: 'fine.html' })),
        ],
      }),
    ],
  });

  it.each(['/sync/', '/async/', '/template/', '/missing/'])(
    'answers %s with Nest’s 500, nothing of the failed response, then serves the next request',
    async (url) => {
      const res = await http.get(url);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual(NEST_500);
      expect(res.text).not.toContain('chunk');
      expect(res.text).not.toMatch(/secret|SELECT|\/work\//);
      expect(res.headers['x-partial']).toBeUndefined();
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
      const next = await http.get('/fine/');
      expect(next.status).toBe(200);
      expect(next.text).toBe('fine');
    },
  );

  it('keeps serving while failures and successes interleave', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => http.get(i % 2 ? '/template/' : '/fine/')));
    expect(results.map((res) => res.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 500 : 200)));
  });
});
