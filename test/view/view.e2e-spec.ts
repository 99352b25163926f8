import { beforeAll, describe, expect, it } from '@jest/globals';
import { Injectable, Module } from '@nestjs/common';
import {
  ClassView,
  ClassViewsModule,
  HttpResponse,
  JsonResponse,
  path,
  View,
  type Kwargs,
  type ViewRequest,
} from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS, sleep } from '../utils/platforms.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { HelloView } from '../views.js';

@ClassView('async/')
class AsyncView extends View {
  async get() {
    await sleep(10);
    return new HttpResponse('Hello async world!');
  }
}

@ClassView('both/')
class GetPostView extends View {
  get() {
    return new HttpResponse('got');
  }
  post(request: ViewRequest) {
    return new JsonResponse({ received: request.body ?? null }, { status: 201 });
  }
}

@ClassView('post-only/')
class PostOnlyView extends View {
  post() {
    return new HttpResponse('posted');
  }
}

@ClassView('get-only-list/')
class GetOnlyListView extends View {
  override httpMethodNames = ['get'];
  get() {
    return new HttpResponse('only get');
  }
}

@ClassView('own-head/')
class OwnHeadView extends View {
  get() {
    return new HttpResponse('from get');
  }
  head() {
    return new HttpResponse('', { headers: { 'X-From': 'head' } });
  }
}

@ClassView('traceable/')
class TraceView extends View {
  trace() {
    return new HttpResponse('traced');
  }
}

/** Every method goes through setup() and dispatch(), as in Django. */
@ClassView('instrumented/')
class InstrumentedView extends View {
  stage = 'class';
  override setup(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs) {
    super.setup(request, args, kwargs);
    this.stage = 'setup';
  }
  override async dispatch(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs) {
    const response = await super.dispatch(request, args, kwargs);
    response.setHeader('X-Dispatched', `${request.method} after ${this.stage}`);
    return response;
  }
  get() {
    return new HttpResponse('instrumented');
  }
}

@ClassView('forgot-super/')
class ForgetfulSetupView extends View {
  override setup() {
    /* does not call super.setup() */
  }
  get() {
    return new HttpResponse('never');
  }
}

/**
 * `kwargs` as an accessor, as plain JavaScript or a mixin may define it (TypeScript refuses an
 * accessor over `View`'s field): its setter runs once a request, with what `setup()` sets.
 */
@ClassView('accessor/<int:pk>/')
class AccessorFieldView extends View {
  pk?: number;
  setterCalls = 0;
  get() {
    return new JsonResponse({ pk: this.pk, setterCalls: this.setterCalls });
  }
}
Object.defineProperty(AccessorFieldView.prototype, 'kwargs', {
  get(this: { storedKwargs?: Kwargs }) {
    return this.storedKwargs;
  },
  set(this: { storedKwargs?: Kwargs; pk?: number; setterCalls: number }, kwargs: Kwargs) {
    this.setterCalls += 1;
    this.pk = kwargs.pk as number;
    this.storedKwargs = kwargs;
  },
});

@ClassView('no-response/')
class NoResponseView extends View {
  get() {
    return 'a string' as unknown as HttpResponse;
  }
}

@Injectable()
class Counter {
  count = 0;
}

/** Stores request data on `this` and waits, to show each request has its own state. */
@ClassView('state/<str:label>/')
class StatefulView extends View {
  label?: string;
  constructor(readonly counter: Counter) {
    super();
  }
  async get(request: ViewRequest): Promise<HttpResponse> {
    this.label = request.query.get('label');
    this.counter.count += 1;
    await sleep(Number(request.query.get('wait', '0')));
    return new JsonResponse({
      label: this.label,
      kwarg: this.kwargs.label,
      requestLabel: this.request.query.get('label'),
      sameCounter: this.counter === counterInstance,
    });
  }
}
let counterInstance: Counter | undefined;

@Module({
  imports: [
    ClassViewsModule.forRoot({
      urlpatterns: [path('hi/', HelloView.asView({ greeting: 'Hi' }), { name: 'hi' })],
    }),
  ],
  providers: [
    Counter,
    HelloView,
    AsyncView,
    GetPostView,
    PostOnlyView,
    GetOnlyListView,
    OwnHeadView,
    TraceView,
    InstrumentedView,
    ForgetfulSetupView,
    AccessorFieldView,
    NoResponseView,
    StatefulView,
  ],
})
class AppModule {}

describe.each(PLATFORMS)('View on %s', (platform) => {
  const served = useTestApp(platform, AppModule);
  const { http } = served;
  beforeAll(async () => {
    counterInstance = served.app.get(Counter);
  });

  it('serves a GET handler with Django’s default content type', async () => {
    const res = await http.get('/hello/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('Hello');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('awaits an async handler', async () => {
    const res = await http.get('/async/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('Hello async world!');
  });

  it('answers a method without a handler with 405, an empty body and Allow', async () => {
    const res = await http.post('/hello/').set(CSRF_HEADERS);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(res.text).toBe('');
  });

  it('lists HEAD after POST in Allow, in httpMethodNames order', async () => {
    const res = await http.delete('/both/').set(CSRF_HEADERS);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST, HEAD, OPTIONS');
  });

  it('does not offer HEAD to a view without GET', async () => {
    const res = await http.put('/post-only/').set(CSRF_HEADERS);
    expect(res.headers.allow).toBe('POST, OPTIONS');
    expect((await http.head('/post-only/')).status).toBe(405);
  });

  it('answers OPTIONS with 200, Allow and Content-Length 0', async () => {
    const res = await http.options('/hello/');
    expect(res.status).toBe(200);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(res.headers['content-length']).toBe('0');
    expect(res.text).toBe('');
  });

  it('answers HEAD with the GET handler and no body', async () => {
    const res = await http.head('/hello/');
    expect(res.status).toBe(200);
    expect(res.text).toBeUndefined();
    expect(res.headers['content-length']).toBe('5');
  });

  it('prefers a head() handler over GET', async () => {
    const res = await http.head('/own-head/');
    expect(res.headers['x-from']).toBe('head');
  });

  it('refuses every method outside httpMethodNames, OPTIONS and HEAD included', async () => {
    expect((await http.get('/get-only-list/')).text).toBe('only get');
    const options = await http.options('/get-only-list/');
    expect(options.status).toBe(405);
    expect(options.headers.allow).toBe('GET');
    expect((await http.head('/get-only-list/')).status).toBe(405);
  });

  it('answers TRACE with 405 unless the view has trace()', async () => {
    const refused = await http.trace('/hello/');
    expect(refused.status).toBe(405);
    expect(refused.headers.allow).toBe('GET, HEAD, OPTIONS');
    const served = await http.trace('/traceable/');
    expect(served.status).toBe(200);
    expect(served.text).toBe('traced');
  });

  it('answers a method Django does not list (PROPFIND) with 405', async () => {
    const res = await http.propfind('/hello/').set(CSRF_HEADERS);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('passes every method through an overridden setup() and dispatch()', async () => {
    expect((await http.get('/instrumented/')).headers['x-dispatched']).toBe('GET after setup');
    expect((await http.post('/instrumented/').set(CSRF_HEADERS)).headers['x-dispatched']).toBe('POST after setup');
    expect((await http.options('/instrumented/')).headers['x-dispatched']).toBe('OPTIONS after setup');
  });

  it('answers 500 without details when setup() forgets super', async () => {
    const res = await http.get('/forgot-super/');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
  });

  it('runs a view field defined as an accessor only through setup()', async () => {
    const res = await http.get('/accessor/7/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ pk: 7, setterCalls: 1 });
  });

  it('answers 500 without details when a handler returns no HttpResponse', async () => {
    const res = await http.get('/no-response/');
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('at ');
  });

  it('gives the handler the parsed body', async () => {
    const res = await http.post('/both/').set(CSRF_HEADERS).send({ title: 'Dune' });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({ received: { title: 'Dune' } });
  });

  it('applies asView() overrides to their route only', async () => {
    expect((await http.get('/hi/')).text).toBe('Hi');
    expect((await http.get('/hello/')).text).toBe('Hello');
  });

  it('gives concurrent requests their own view state and shares injected dependencies', async () => {
    const labels = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const before = counterInstance!.count;
    const responses = await Promise.all(
      labels.map((label, i) => http.get(`/state/${label}/?label=${label}&wait=${(20 - i) * 2}`)),
    );
    responses.forEach((res, i) => {
      expect(res.body).toEqual({ label: labels[i], kwarg: labels[i], requestLabel: labels[i], sameCounter: true });
    });
    expect(counterInstance!.count - before).toBe(20);
  });

  it('leaves nothing a request stored on the provider instance', async () => {
    await http.get('/state/x/?label=x');
    expect(served.app.get(StatefulView).label).toBeUndefined();
    expect(served.app.get(StatefulView).request).toBeUndefined();
  });
});
