import { beforeAll, describe, expect, it } from '@jest/globals';
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
  Module,
  NotFoundException,
  type NestInterceptor,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { map, type Observable } from 'rxjs';
import { Column, Entity, PrimaryGeneratedColumn, type Repository } from 'typeorm';
import {
  ClassView,
  ClassViewsModule,
  Http404,
  HttpResponse,
  HttpResponseRedirect,
  ImproperlyConfigured,
  JsonResponse,
  View,
  type ViewRequest,
} from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { PLATFORMS } from '../utils/platforms.js';
import { PipedView } from './pipes.js';

/**
 * Nest's enhancers (guards, interceptors, exception filters, pipes), its error bodies, its
 * controllers and its dependency injection, on class views as on any Nest route.
 */

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
  const served = useTestApp(platform, AppModule, {
    beforeInit: (nest) => void nest.useGlobalInterceptors(new PlainObjectInterceptor()),
  });
  const { http } = served;
  beforeAll(() =>
    served.app.get<Repository<Book>>('BookRepository', { strict: false }).save([{ title: 'Dune' }, { title: 'Emma' }]),
  );

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
