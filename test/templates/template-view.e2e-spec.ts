import { describe, expect, it } from '@jest/globals';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { join } from 'node:path';
import { map, type Observable } from 'rxjs';
import {
  ClassView,
  ClassViewsModule,
  type Kwargs,
  path,
  TemplateDoesNotExist,
  TemplateResponse,
  type TemplateEngine,
  TemplateView,
} from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';
import { CSRF_HEADERS } from '../utils/csrf.js';

const dirs = [join(import.meta.dirname, 'fixtures')];

@ClassView('about/')
class AboutView extends TemplateView {
  templateName = 'about.html';
  getContextData(kwargs: Kwargs) {
    return { ...super.getContextData(kwargs), team: ['Ada', 'Linus'] };
  }
}

@ClassView('greet/<str:name>/', { name: 'greet' })
class GreetView extends TemplateView {
  templateName = 'echo.html';
}

@ClassView('fallback/')
class FallbackView extends TemplateView {
  getTemplateNames() {
    return ['missing.html', 'about.html'];
  }
  getContextData(kwargs: Kwargs) {
    return { ...super.getContextData(kwargs), team: ['first existing wins'] };
  }
}

@Injectable()
class SwapInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((response: TemplateResponse) => {
        response.templateName = 'swapped.html';
        response.contextData = { ...response.contextData, who: 'interceptor' };
        return response;
      }),
    );
  }
}

@ClassView('late/')
@UseInterceptors(SwapInterceptor)
class LateView extends TemplateView {
  templateName = 'late.html';
  extraContext = { who: 'view' };
}

/** An engine that has every template under `shout/`, rendered as its name, upper-cased. */
const shoutEngine: TemplateEngine = {
  async render(names, context) {
    const name = names.find((candidate) => candidate.startsWith('shout/'));
    if (!name) throw new TemplateDoesNotExist(names);
    return `${name}:${String(context.name ?? '')}`.toUpperCase();
  },
};

describe.each(PLATFORMS)('TemplateView on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        templates: {
          dirs,
          engines: { shout: shoutEngine },
          // Asynchronous filters: nunjucks then answers through its callback, after render() returns.
          configure: (env) => {
            env.addFilter(
              'later',
              (value: string, done: (error: unknown, text?: string) => void) =>
                setImmediate(() => done(null, `${value}, later`)),
              true,
            );
            env.addFilter(
              'fails',
              (_value: string, done: (error: unknown) => void) => setImmediate(() => done(new Error('filter failed'))),
              true,
            );
          },
        },
        urlpatterns: [
          path('about-inline/', TemplateView.asView({ templateName: 'about.html', extraContext: { team: ['Grace'] } })),
          path(
            'extra/<str:name>/',
            TemplateView.asView({ templateName: 'echo.html', extraContext: { name: 'extra wins' } }),
          ),
          path('view-kwarg/<str:view>/', TemplateView.asView({ templateName: 'echo.html' })),
          path('plain/<str:name>/', TemplateView.asView({ templateName: 'plain.txt', contentType: 'text/plain' })),
          path('no-template/', TemplateView.asView()),
          path('missing/', TemplateView.asView({ templateName: 'missing.html' })),
          path('shout/<str:name>/', TemplateView.asView({ templateName: 'shout/x.html', templateEngine: 'shout' })),
          path('any-engine/<str:name>/', TemplateView.asView({ templateName: 'shout/y.html' })),
          path('later/<str:name>/', TemplateView.asView({ templateName: 'later.html' })),
          path('later-fails/<str:name>/', TemplateView.asView({ templateName: 'later-fails.html' })),
          path(
            'boom/',
            TemplateView.asView({
              templateName: 'boom.html',
              extraContext: {
                boom: () => {
                  throw new Error('boom');
                },
              },
            }),
          ),
        ],
      }),
    ],
    providers: [AboutView, GreetView, FallbackView, LateView],
  });

  it('renders a subclass with its template, its base layout and getContextData()', async () => {
    const res = await http.get('/about/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<title>About</title>');
    expect(res.text).toContain('<li>Ada</li><li>Linus</li>');
  });

  it('renders TemplateView.asView({ templateName }) from the URLconf', async () => {
    expect((await http.get('/about-inline/')).text).toContain('<li>Grace</li>');
  });

  it('puts URL kwargs, the view, request and url() in the context', async () => {
    const res = await http.get('/greet/Ada/');
    expect(res.text.trim()).toBe('name=Ada;view=echo.html;path=/greet/Ada/;link=/greet/a%20b/');
  });

  it('lets extraContext win over a URL kwarg', async () => {
    expect((await http.get('/extra/url/')).text).toContain('name=extra wins;');
  });

  it('lets a URL kwarg named view win over the view itself', async () => {
    expect((await http.get('/view-kwarg/captured/')).text).toContain('view=captured;');
  });

  it('HTML-escapes values from the request', async () => {
    const res = await http.get('/greet/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/');
    expect(res.text).toContain('name=&lt;img src=x onerror=alert(1)&gt;;');
    expect(res.text).not.toContain('<img');
  });

  it('sends a set contentType verbatim, with no charset added', async () => {
    const res = await http.get('/plain/x/');
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.text.trim()).toBe('plain x');
  });

  it('answers HEAD like GET, without a body', async () => {
    const get = await http.get('/about/');
    const head = await http.head('/about/');
    expect(head.status).toBe(200);
    expect(head.text).toBeUndefined();
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
  });

  it('answers OPTIONS with GET, HEAD, OPTIONS and other methods with 405', async () => {
    const options = await http.options('/about/');
    expect(options.status).toBe(200);
    expect(options.headers.allow).toBe('GET, HEAD, OPTIONS');
    const post = await http.post('/about/').set(CSRF_HEADERS);
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('uses the first template of getTemplateNames() that exists', async () => {
    expect((await http.get('/fallback/')).text).toContain('<li>first existing wins</li>');
  });

  it('renders late, so an interceptor can change the template and the context', async () => {
    expect((await http.get('/late/')).text.trim()).toBe('swapped interceptor');
  });

  it('renders with the engine named by templateEngine', async () => {
    expect((await http.get('/shout/ada/')).text).toBe('SHOUT/X.HTML:ADA');
  });

  it('tries the next engine when one has no such template (nunjucks answers at once, the next one later)', async () => {
    expect((await http.get('/any-engine/ada/')).text).toBe('SHOUT/Y.HTML:ADA');
  });

  it('renders a template with an asynchronous filter, which nunjucks finishes after render() returns', async () => {
    const res = await http.get('/later/ada/');
    expect(res.status).toBe(200);
    expect(res.text.trim()).toBe('ada, later');
  });

  it('answers 500 without a stack when a template fails while rendering, at once or later', async () => {
    for (const url of ['/boom/', '/later-fails/ada/']) {
      const res = await http.get(url);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
    }
  });

  it('answers 500 without a stack when no template name is set', async () => {
    const res = await http.get('/no-template/');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
  });

  it('answers 500 without a stack when the template does not exist', async () => {
    const res = await http.get('/missing/');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
  });
});
