import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type ArgumentsHost,
  type CallHandler,
  type CanActivate,
  Catch,
  Controller,
  type ExceptionFilter,
  type ExecutionContext,
  Get,
  Injectable,
  type INestApplication,
  Module,
  NotFoundException,
  type NestInterceptor,
  type PipeTransform,
  RequestMethod,
  UseFilters,
  UseGuards,
  UseInterceptors,
  UsePipes,
  VersioningType,
} from '@nestjs/common';
import { APP_GUARD, APP_PIPE, HttpAdapterHost, RouterModule } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { map, type Observable } from 'rxjs';
import request from 'supertest';
import { Column, Entity, PrimaryGeneratedColumn, type Repository } from 'typeorm';
import {
  ClassView,
  ClassViewsModule,
  Http404,
  HttpResponse,
  HttpResponseRedirect,
  ImproperlyConfigured,
  JsonResponse,
  path,
  RedirectView,
  UrlResolver,
  View,
  type ViewRequest,
} from '../../src/index.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';
import { CSRF_HEADERS } from '../utils/csrf.js';

// ---- guards -------------------------------------------------------------------------

@Injectable()
class TokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
    if (req.headers['x-token'] !== 'ok') return false;
    req.user = { name: 'Ada' };
    return true;
  }
}

/** A global guard: refuses any request carrying `X-Block: yes`. */
@Injectable()
class BlockGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return context.switchToHttp().getRequest().headers['x-block'] !== 'yes';
  }
}

const calls = { guarded: 0 };

@ClassView('guarded/')
@UseGuards(TokenGuard)
class GuardedView extends View {
  get(request: ViewRequest) {
    calls.guarded += 1;
    return new JsonResponse({ user: request.user });
  }
  post() {
    calls.guarded += 1;
    return new HttpResponse('posted');
  }
}

// ---- interceptors -------------------------------------------------------------------

@Injectable()
class StampInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const before = context.getClass().name;
    return next.handle().pipe(
      map((response: HttpResponse) => {
        response.setHeader('X-Stamp', `${before}:${response.status}`);
        response.content = `${response.text}!`;
        return response;
      }),
    );
  }
}

@ClassView('intercepted/')
@UseInterceptors(StampInterceptor)
class InterceptedView extends View {
  get() {
    return new HttpResponse('hello');
  }
}

/** A global interceptor that replaces the view's response with a plain object. */
@Injectable()
class PlainObjectInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const wanted = context.switchToHttp().getRequest().headers['x-plain'] === 'yes';
    return next.handle().pipe(map((response: HttpResponse) => (wanted ? { wrapped: response.text } : response)));
  }
}

// ---- filters ------------------------------------------------------------------------

@Catch(NotFoundException)
class TeapotFilter implements ExceptionFilter {
  constructor(private readonly adapterHost?: HttpAdapterHost) {}
  catch(exception: NotFoundException, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const adapter = this.adapterHost!.httpAdapter;
    adapter.reply(ctx.getResponse(), { teapot: exception.message }, 418);
  }
}

@ClassView('filtered/<int:id>/')
@UseFilters(TeapotFilter)
class FilteredView extends View {
  get(): HttpResponse {
    throw new Http404(`No book ${this.kwargs.id} found matching the query`);
  }
}

// ---- pipes --------------------------------------------------------------------------

/** Upper-cases every string property of an object body. */
@Injectable()
class ShoutPipe implements PipeTransform {
  transform(value: unknown) {
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v.toUpperCase() : v]));
  }
}

@ClassView('piped/')
@UsePipes(ShoutPipe)
class PipedView extends View {
  post(request: ViewRequest) {
    return new JsonResponse({ body: request.body });
  }
}

// ---- errors -------------------------------------------------------------------------

@ClassView('broken/')
class BrokenView extends View {
  get(): HttpResponse {
    throw new ImproperlyConfigured('BrokenView is missing a QuerySet. Define BrokenView.model.');
  }
}

@ClassView('not-found/')
class NotFoundView extends View {
  get(): HttpResponse {
    throw new Http404('No book found matching the query');
  }
}

@ClassView('unsafe/')
class UnsafeRedirectView extends View {
  get() {
    return new HttpResponseRedirect('javascript:alert(1)');
  }
}

// ---- a Nest controller beside the views ----------------------------------------------

@Controller('plain')
class PlainController {
  @Get()
  get() {
    return { controller: true };
  }
}

// ---- DI: a feature module with a private provider and a TypeORM repository ------------

@Entity()
class Book {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;
}

@Injectable()
class ShelfService {
  label() {
    return 'private shelf';
  }
}

@ClassView('shelf/')
class ShelfView extends View {
  constructor(
    private readonly shelf: ShelfService,
    @InjectRepository(Book) private readonly books: Repository<Book>,
  ) {
    super();
  }
  async get() {
    return new JsonResponse({ label: this.shelf.label(), books: await this.books.count() });
  }
}

/** ShelfService is not exported: only views declared here can inject it. */
@Module({
  imports: [TypeOrmModule.forFeature([Book])],
  providers: [ShelfService, ShelfView],
})
class ShelfModule {}

@Module({
  imports: [
    ClassViewsModule.forRoot(),
    TypeOrmModule.forRoot({ type: 'sqljs', entities: [Book], synchronize: true, logging: false }),
    ShelfModule,
  ],
  controllers: [PlainController],
  providers: [
    { provide: APP_GUARD, useClass: BlockGuard },
    TeapotFilter,
    GuardedView,
    InterceptedView,
    FilteredView,
    PipedView,
    BrokenView,
    NotFoundView,
    UnsafeRedirectView,
  ],
})
class AppModule {}

describe.each(PLATFORMS)('Class views are genuine Nest routes on %s', (platform) => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createApp(platform, AppModule, {
      beforeInit: (nest) => {
        nest.useGlobalInterceptors(new PlainObjectInterceptor());
      },
    });
    const repository = app.get<Repository<Book>>(`BookRepository`, { strict: false });
    await repository.save([{ title: 'Dune' }, { title: 'Emma' }]);
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('refuses with 403 before any handler runs when a class-level guard says no', async () => {
    const before = calls.guarded;
    expect((await http.get('/guarded/')).status).toBe(403);
    expect((await http.post('/guarded/')).status).toBe(403);
    expect((await http.trace('/guarded/')).status).toBe(403);
    expect(calls.guarded).toBe(before);
  });

  it('lets the view read the user a guard attached', async () => {
    const res = await http.get('/guarded/').set('X-Token', 'ok');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: { name: 'Ada' } });
  });

  it('applies a global guard (APP_GUARD) to class views', async () => {
    expect((await http.get('/intercepted/').set('X-Block', 'yes')).status).toBe(403);
  });

  it('lets a class-level interceptor see and change the HttpResponse before it is written', async () => {
    const res = await http.get('/intercepted/');
    expect(res.headers['x-stamp']).toBe('InterceptedView:200');
    expect(res.text).toBe('hello!');
  });

  it('writes whatever a global interceptor returns instead, as Nest would', async () => {
    const res = await http.get('/intercepted/').set('X-Plain', 'yes');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ wrapped: 'hello!' });
  });

  it('routes Http404 through a class-level exception filter', async () => {
    const res = await http.get('/filtered/7/');
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ teapot: 'No book 7 found matching the query' });
  });

  it('routes a path parameter that does not convert through the same filter as a 404', async () => {
    const res = await http.get('/filtered/abc/');
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ teapot: 'Cannot GET /filtered/abc/' });
  });

  it('passes the body through class-level pipes', async () => {
    const res = await http.post('/piped/').set(CSRF_HEADERS).send({ title: 'dune', year: 1965 });
    expect(res.body).toEqual({ body: { title: 'DUNE', year: 1965 } });
  });

  it('answers Http404 with Nest’s 404 body', async () => {
    const res = await http.get('/not-found/');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, message: 'No book found matching the query', error: 'Not Found' });
  });

  it('answers ImproperlyConfigured with a 500 that shows no message nor stack', async () => {
    const res = await http.get('/broken/');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
  });

  it('refuses a redirect to a javascript: URL with 400', async () => {
    const res = await http.get('/unsafe/');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe("Unsafe redirect to URL with protocol 'javascript'");
    expect(res.headers.location).toBeUndefined();
  });

  it('answers a malformed percent-encoded path without a 500, and keeps serving', async () => {
    const res = await http.get('/filtered/%E0%A4%A/');
    expect(res.status).toBeLessThan(500);
    expect((await http.get('/plain')).status).toBe(200);
  });

  it('keeps Nest controllers working beside class views', async () => {
    const res = await http.get('/plain');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ controller: true });
  });

  it('leaves unknown paths to Nest’s own 404', async () => {
    const res = await http.get('/nowhere/');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, message: 'Cannot GET /nowhere/', error: 'Not Found' });
  });

  it('injects a module’s private provider and its TypeORM repository into a view declared there', async () => {
    const res = await http.get('/shelf/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ label: 'private shelf', books: 2 });
  });
});

describe.each(PLATFORMS)('A global prefix on %s', (platform) => {
  let app: INestApplication;

  @ClassView('about/', { name: 'about' })
  class AboutView extends View {
    get() {
      return new HttpResponse('about');
    }
  }

  @ClassView('')
  class RootView extends View {
    get() {
      return new HttpResponse('root');
    }
  }

  beforeAll(async () => {
    app = await createApp(
      platform,
      { imports: [ClassViewsModule.forRoot()], providers: [AboutView, RootView] },
      { beforeInit: (nest) => void nest.setGlobalPrefix('api') },
    );
  });
  afterAll(() => app.close());

  it('serves class views under the prefix only', async () => {
    const http = request(app.getHttpServer());
    expect((await http.get('/api/about/')).text).toBe('about');
    expect((await http.get('/about/')).status).toBe(404);
  });

  it('reverses named routes with the prefix', () => {
    expect(app.get(UrlResolver).reverse('about')).toBe('/api/about/');
  });

  it('serves the root route at the prefix', async () => {
    expect((await request(app.getHttpServer()).get('/api/')).text).toBe('root');
  });

  it('redirects to the slashed path under the prefix', async () => {
    const res = await request(app.getHttpServer()).get('/api/about');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/api/about/');
  });

  it('redirects the prefix alone to the root route, as APPEND_SLASH does for any route', async () => {
    const res = await request(app.getHttpServer()).get('/api?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/api/?x=1');
  });

  it('answers another method on a served path with the view’s 405', async () => {
    const res = await request(app.getHttpServer()).delete('/api/about/').set(CSRF_HEADERS);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });
});

describe.each(PLATFORMS)('RouterModule paths and prefix exclusions in reverse() on %s', (platform) => {
  let app: INestApplication;

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

  beforeAll(async () => {
    app = await createApp(
      platform,
      {
        imports: [
          ClassViewsModule.forRoot({ urlpatterns: [path('to-book/<int:pk>/', RedirectView.asView({ patternName: 'shop-book' }))] }),
          ShopModule,
          RouterModule.register([{ path: 'shop', module: ShopModule }]),
        ],
        providers: [HealthView],
      },
      { beforeInit: (nest) => void nest.setGlobalPrefix('api', { exclude: [{ path: 'health/', method: RequestMethod.ALL }] }) },
    );
  });
  afterAll(() => app.close());

  it('reverses a view of a RouterModule module to the URL it is served at', async () => {
    const url = app.get(UrlResolver).reverse('shop-book', { pk: 7 });
    expect(url).toBe('/api/shop/books/7/');
    const res = await request(app.getHttpServer()).get(url);
    expect(res.status).toBe(200);
    expect(res.text).toBe('book 7');
  });

  it('reverses the root route of a RouterModule module to the module path', async () => {
    const url = app.get(UrlResolver).reverse('shop-home');
    expect(url).toBe('/api/shop/');
    expect((await request(app.getHttpServer()).get(url)).text).toBe('shop');
  });

  it('reverses a route excluded from the global prefix without the prefix, as Nest serves it', async () => {
    const url = app.get(UrlResolver).reverse('health');
    expect(url).toBe('/health/');
    expect((await request(app.getHttpServer()).get(url)).text).toBe('ok');
    expect((await request(app.getHttpServer()).get('/api/health/')).status).toBe(404);
  });

  it('redirects a RedirectView by pattern name to the mounted URL', async () => {
    const res = await request(app.getHttpServer()).get('/api/to-book/7/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/api/shop/books/7/');
  });
});

describe.each(PLATFORMS)('URI versioning in reverse() on %s', (platform) => {
  let app: INestApplication;

  @ClassView('about/', { name: 'versioned-about' })
  class VersionedAboutView extends View {
    get() {
      return new HttpResponse('about v1');
    }
  }

  beforeAll(async () => {
    app = await createApp(
      platform,
      { imports: [ClassViewsModule.forRoot()], providers: [VersionedAboutView] },
      { beforeInit: (nest) => void nest.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' }) },
    );
  });
  afterAll(() => app.close());

  it('reverses to the versioned URL the view is served at', async () => {
    const url = app.get(UrlResolver).reverse('versioned-about');
    expect(url).toBe('/v1/about/');
    expect((await request(app.getHttpServer()).get(url)).text).toBe('about v1');
  });
});

describe.each(PLATFORMS)('Lifecycle hooks and enhancer context on %s', (platform) => {
  const seen: string[] = [];

  @Injectable()
  class Clock {
    readonly name = 'clock';
  }

  /** Records which object each hook ran on: the provider, with its dependency, once. */
  @ClassView('hooked/')
  @UseGuards(class ClassGuard implements CanActivate {
    canActivate(context: ExecutionContext): boolean {
      seen.push(`guard:${context.getClass().name}:${context.getHandler().name}`);
      return context.switchToHttp().getRequest().headers['x-token'] === 'ok';
    }
  })
  class HookedView extends View {
    constructor(private readonly clock: Clock) {
      super();
    }
    onModuleInit() {
      seen.push(`init:${this.clock?.name}`);
    }
    onApplicationBootstrap() {
      seen.push(`bootstrap:${this.clock?.name}`);
    }
    onModuleDestroy() {
      seen.push(`destroy:${this.clock?.name}`);
    }
    get() {
      return new HttpResponse(this.clock.name);
    }
  }

  it('calls a view’s lifecycle hooks once each, on the provider with its dependencies', async () => {
    seen.length = 0;
    const app = await createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [Clock, HookedView] });
    expect(seen).toEqual(['init:clock', 'bootstrap:clock']);
    await app.close();
    expect(seen).toEqual(['init:clock', 'bootstrap:clock', 'destroy:clock']);
  });

  it('gives guards the view class as getClass(), for GET and for a method the view lacks', async () => {
    const app = await createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [Clock, HookedView] });
    try {
      seen.length = 0;
      const http = request(app.getHttpServer());
      expect((await http.get('/hooked/').set('x-token', 'ok')).text).toBe('clock');
      expect((await http.delete('/hooked/')).status).toBe(403);
      const denied = await http.delete('/hooked/').set(CSRF_HEADERS).set('x-token', 'ok');
      expect(denied.status).toBe(405);
      expect(denied.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect(seen).toEqual(Array(3).fill('guard:HookedView:classViewRoute'));
    } finally {
      await app.close();
    }
  });
});

describe.each(PLATFORMS)('Several apps over the same views on %s', (platform) => {
  @ClassView('hello/', { name: 'hello' })
  class HelloView extends View {
    get() {
      return new HttpResponse('Hello');
    }
  }

  class GoView extends RedirectView {
    override patternName = 'hello';
  }

  const adapterFor = () => (platform === 'express' ? new ExpressAdapter() : new FastifyAdapter());
  const ready = async (app: INestApplication) => {
    await app.init();
    if (platform === 'fastify') await app.getHttpAdapter().getInstance().ready();
    return app;
  };

  it('serves the views on each app a compiled testing module makes, not their documentation', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ClassViewsModule.forRoot()], providers: [HelloView] }).compile();
    const first = await ready(moduleRef.createNestApplication(adapterFor(), { logger: false }));
    const second = await ready(moduleRef.createNestApplication(adapterFor(), { logger: false }));
    try {
      for (const app of [first, second]) {
        const res = await request(app.getHttpServer()).get('/hello/');
        expect(res.status).toBe(200);
        expect(res.text).toBe('Hello');
        expect((await request(app.getHttpServer()).delete('/hello/').set(CSRF_HEADERS)).headers.allow).toBe('GET, HEAD, OPTIONS');
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
      const app = moduleRef.createNestApplication(adapterFor(), { logger: false });
      app.setGlobalPrefix(prefix);
      return ready(app);
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
    const app = await createApp(platform, { imports: [ClassViewsModule.forRoot({ urlpatterns: [path('frozen/', FrozenView.asView())] })] });
    try {
      expect((await request(app.getHttpServer()).get('/frozen/')).text).toBe('frozen');
    } finally {
      await app.close();
    }
  });
});

// ---- the body and the app's pipes ---------------------------------------------------

/** Answers with the body it was given. */
class EchoView extends View {
  post(request: ViewRequest) {
    return new JsonResponse({ body: request.body });
  }
}

/** Inherits `PipedView`'s `@UsePipes(ShoutPipe)`. */
class InheritedPipesView extends PipedView {}

describe.each(PLATFORMS)('The body of a request to a class view on %s', (platform) => {
  const urlpatterns = [path('echo/', EchoView.asView()), path('inherited/', InheritedPipesView.asView())];
  const body = { title: 'dune', year: 1965 };

  async function echo(app: INestApplication, url: string): Promise<unknown> {
    try {
      return (await request(app.getHttpServer()).post(url).set(CSRF_HEADERS).send(body)).body;
    } finally {
      await app.close();
    }
  }

  it('is the parsed body when no pipe runs', async () => {
    const app = await createApp(platform, { imports: [ClassViewsModule.forRoot({ urlpatterns })] });
    expect(await echo(app, '/echo/')).toEqual({ body });
  });

  it('goes through a view’s inherited @UsePipes()', async () => {
    const app = await createApp(platform, { imports: [ClassViewsModule.forRoot({ urlpatterns })] });
    expect(await echo(app, '/inherited/')).toEqual({ body: { title: 'DUNE', year: 1965 } });
  });

  it('goes through the pipes of app.useGlobalPipes()', async () => {
    const app = await createApp(platform, { imports: [ClassViewsModule.forRoot({ urlpatterns })] }, { beforeInit: (nest) => void nest.useGlobalPipes(new ShoutPipe()) });
    expect(await echo(app, '/echo/')).toEqual({ body: { title: 'DUNE', year: 1965 } });
  });

  it('goes through the pipes of a second app a compiled testing module makes, the first having none', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ClassViewsModule.forRoot({ urlpatterns })] }).compile();
    const make = async (pipes: PipeTransform[]) => {
      const app = moduleRef.createNestApplication(platform === 'express' ? new ExpressAdapter() : new FastifyAdapter(), { logger: false });
      app.useGlobalPipes(...pipes);
      await app.init();
      if (platform === 'fastify') await app.getHttpAdapter().getInstance().ready();
      return app;
    };
    // The first app routes the handler without the body, the second the one with it (the apps
    // share the module's configuration, so the pipe would stay for a third).
    expect(await echo(await make([]), '/echo/')).toEqual({ body });
    expect(await echo(await make([new ShoutPipe()]), '/echo/')).toEqual({ body: { title: 'DUNE', year: 1965 } });
  });

  it('goes through an APP_PIPE provider', async () => {
    const app = await createApp(platform, { imports: [ClassViewsModule.forRoot({ urlpatterns })], providers: [{ provide: APP_PIPE, useClass: ShoutPipe }] });
    expect(await echo(app, '/echo/')).toEqual({ body: { title: 'DUNE', year: 1965 } });
  });
});

describe('The URL a class view sees on Fastify with rewriteUrl', () => {
  class WhereView extends View {
    get(request: ViewRequest) {
      return new HttpResponse(`${request.getFullPath()} ${request.path}`);
    }
  }

  it('is the URL as the client sent it, as Fastify’s request.originalUrl gives it', async () => {
    const app = await createApp(
      'fastify',
      { imports: [ClassViewsModule.forRoot({ urlpatterns: [path('where/', WhereView.asView())] })] },
      { fastify: { rewriteUrl: (req) => (req.url!.startsWith('/old-where/') ? req.url!.replace('/old-where/', '/where/') : req.url!) } },
    );
    try {
      expect((await request(app.getHttpServer()).get('/old-where/?q=1')).text).toBe('/old-where/?q=1 /old-where/');
      expect((await request(app.getHttpServer()).get('/where/?q=2')).text).toBe('/where/?q=2 /where/');
    } finally {
      await app.close();
    }
  });
});
