import { describe, expect, it } from '@jest/globals';
import { type CanActivate, Controller, type ExecutionContext, Injectable, Post, UseGuards } from '@nestjs/common';
import request from 'supertest';
import { ClassView, ClassViewsModule, HttpResponse, JsonResponse, reverse, View } from '../../src/index.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { useTestApp } from '../utils/app.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';
import { PingView } from '../views.js';

@Injectable()
class StaffGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return context.switchToHttp().getRequest().headers['x-staff'] === 'yes';
  }
}

@ClassView('staff/')
@UseGuards(StaffGuard)
class StaffView extends View {
  get() {
    return new HttpResponse('staff');
  }
}

@ClassView('panel/', { host: 'admin.example.com' })
class PanelView extends View {
  get() {
    return new HttpResponse('panel');
  }
}

@ClassView('t/<str:a>-<str:b>-<str:c>/')
class TripleView extends View {
  get() {
    return new HttpResponse(`${this.kwargs.a}|${this.kwargs.b}|${this.kwargs.c}`);
  }
}

@ClassView('books/<int:pk>-<slug:slug>/', { name: 'book-slug' })
class BookSlugView extends View {
  get() {
    return new JsonResponse({ kwargs: this.kwargs, url: reverse('book-slug', this.kwargs) });
  }
}

@ClassView('files/<int:a>-<path:rest>/')
class FileRestView extends View {
  get() {
    return new JsonResponse(this.kwargs);
  }
}

/**
 * Every path is matched by the platform's own router, the same way on both platforms: the
 * view's route answers APPEND_SLASH and foreign methods after Nest's host matching and guards.
 */
describe.each(PLATFORMS)('Routes matched by the platform router on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [ClassViewsModule.forRoot()],
    providers: [StaffGuard, StaffView, PanelView, TripleView, PingView, BookSlugView, FileRestView],
  });

  it('runs the view’s guards before APPEND_SLASH: a refused request gets 403, not a redirect', async () => {
    expect((await http.get('/staff')).status).toBe(403);
    const allowed = await http.get('/staff?x=1').set('X-Staff', 'yes');
    expect(allowed.status).toBe(301);
    expect(allowed.headers.location).toBe('/staff/?x=1');
  });

  it('matches the view’s host before APPEND_SLASH: another host gets 404, not a redirect', async () => {
    expect((await http.get('/panel').set('Host', 'www.example.com')).status).toBe(404);
    const admin = await http.get('/panel').set('Host', 'admin.example.com');
    expect(admin.status).toBe(301);
    expect(admin.headers.location).toBe('/panel/');
    expect((await http.get('/panel/').set('Host', 'admin.example.com')).text).toBe('panel');
  });

  it('gives a method no view answers (PROPFIND) to the view, after its guards', async () => {
    expect((await http.propfind('/staff/').set(CSRF_HEADERS)).status).toBe(403);
    const res = await http.propfind('/staff/').set(CSRF_HEADERS).set('X-Staff', 'yes');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('serves a segment of several parameters', async () => {
    expect((await http.get('/t/x-y-z/')).text).toBe('x|y|z');
  });

  it('splits a segment of several converters as Django does, and reverses it back', async () => {
    const res = await http.get('/books/1-a-long-slug/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ kwargs: { pk: 1, slug: 'a-long-slug' }, url: '/books/1-a-long-slug/' });
    expect((await http.get('/books/x-a-long-slug/')).status).toBe(404);
    expect((await http.get('/books/1-/')).status).toBe(404);
  });

  it('redirects such a segment without its slash (APPEND_SLASH) only when it would match', async () => {
    const res = await http.get('/books/1-slug?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/books/1-slug/?x=1');
    expect((await http.get('/books/one-slug')).status).toBe(404);
  });

  it('matches a segment with a path converter to the end of the route, as Django', async () => {
    expect((await http.get('/files/1-x/y-z/')).body).toEqual({ a: 1, rest: 'x/y-z' });
    expect((await http.get('/files/x-1/')).status).toBe(404);
    const res = await http.get('/files/1-x/y');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/files/1-x/y/');
  });

  // The Fastify not-found fallback this replaced took cubic time here: 3.4 s for 2,000 dashes,
  // so this request (4,000) would time the test out. The platform routers answer at once.
  it('answers a long path of separators for that route, with any method, and keeps serving', async () => {
    const long = `/t/${'-'.repeat(4000)}/x/`;
    for (const method of ['propfind', 'get', 'post'] as const) {
      // Fastify refuses a parameter over its `maxParamLength` (100) with 414.
      expect([404, 414]).toContain((await http[method](long)).status);
    }
    expect((await http.get('/ping/')).text).toBe('pong');
  });
});

@ClassView('health/')
class HealthView extends View {
  get() {
    return new HttpResponse('view');
  }
}

@Controller('health')
class HealthController {
  @Post()
  post() {
    return 'controller';
  }
}

describe.each(PLATFORMS)('APPEND_SLASH beside other routes on %s', (platform) => {
  it('leaves a controller’s route at the unslashed path to the controller', async () => {
    const app = await createApp(platform, {
      imports: [ClassViewsModule.forRoot()],
      controllers: [HealthController],
      providers: [HealthView],
    });
    try {
      const http = request(app.getHttpServer());
      expect((await http.get('/health/')).text).toBe('view');
      expect((await http.get('/health')).headers.location).toBe('/health/');
      const posted = await http.post('/health');
      expect(posted.status).toBe(201);
      expect(posted.text).toBe('controller');
    } finally {
      await app.close();
    }
  });

  it('redirects where the slashed route is served when it is excluded from the global prefix', async () => {
    const app = await createApp(
      platform,
      { imports: [ClassViewsModule.forRoot()], providers: [PingView, StaffGuard, StaffView] },
      { beforeInit: (nest) => void nest.setGlobalPrefix('api', { exclude: ['ping/'] }) },
    );
    try {
      const http = request(app.getHttpServer());
      expect((await http.get('/ping/')).text).toBe('pong');
      const res = await http.get('/ping');
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe('/ping/');
      expect((await http.get('/api/ping')).status).toBe(404);
      expect((await http.get('/api/staff').set('X-Staff', 'yes')).headers.location).toBe('/api/staff/');
    } finally {
      await app.close();
    }
  });
});
