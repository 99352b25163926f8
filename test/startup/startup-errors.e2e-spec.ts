import { describe, expect, it, jest } from '@jest/globals';
import { type CanActivate, Injectable, Logger, Module, Scope, UseGuards } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  ClassView,
  ClassViewsModule,
  HttpResponse,
  ImproperlyConfigured,
  ListView,
  path,
  View,
} from '../../src/index.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';

class HelloView extends View {
  greeting = 'Hello';
  get() {
    return new HttpResponse(this.greeting);
  }
}

describe('Start-up refuses misconfigured views', () => {
  it('refuses an asView() key that is an HTTP method name, when asView() is called', () => {
    expect(() => HelloView.asView({ get: 'x' } as never)).toThrow(
      new TypeError('The method name get is not accepted as a keyword argument to HelloView().'),
    );
  });

  it('refuses a class mixing sync and async handlers in asView()', () => {
    class MixedView extends View {
      get() {
        return new HttpResponse('sync');
      }
      async post() {
        return new HttpResponse('async');
      }
    }
    expect(() => MixedView.asView()).toThrow(ImproperlyConfigured);
    expect(() => MixedView.asView()).toThrow('MixedView HTTP handlers must either be all sync or all async.');
  });

  it('does not count an async options() when telling sync from async', () => {
    class OptionsOnlyAsync extends View {
      get() {
        return new HttpResponse('sync');
      }
      override async options() {
        return new HttpResponse('');
      }
    }
    expect(OptionsOnlyAsync.viewIsAsync).toBe(false);
  });

  it('calls a view with only async handlers async', () => {
    class AllAsync extends View {
      async get() {
        return new HttpResponse('a');
      }
      async post() {
        return new HttpResponse('b');
      }
    }
    expect(AllAsync.viewIsAsync).toBe(true);
    expect(View.viewIsAsync).toBe(false);
  });
});

@ClassView('hello/')
class HelloRoute extends View {
  get() {
    return new HttpResponse('hello');
  }
}

describe.each(PLATFORMS)('Start-up errors on %s', (platform) => {
  it('refuses an asView() key that is not an attribute of the class', async () => {
    const urlpatterns = [path('hi/', HelloView.asView({ greting: 'typo' } as never))];
    await expect(createApp(platform, { imports: [ClassViewsModule.forRoot({ urlpatterns })] })).rejects.toThrow(
      new TypeError(
        "HelloView() received an invalid keyword 'greting'. as_view only accepts arguments that are already attributes of the class.",
      ),
    );
  });

  it('refuses a decorated class mixing sync and async handlers', async () => {
    @ClassView('mixed/')
    class MixedView extends View {
      get() {
        return new HttpResponse('sync');
      }
      async put() {
        return new HttpResponse('async');
      }
    }
    await expect(
      createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [MixedView] }),
    ).rejects.toThrow('MixedView HTTP handlers must either be all sync or all async.');
  });

  it('refuses a decorated class that is not a View', async () => {
    @ClassView('plain/')
    class NotAView {}
    await expect(createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [NotAView] })).rejects.toThrow(
      "NotAView is decorated with @ClassView() but does not extend View. Make it extend View (or one of the generic views) from 'nestjs-class-views'.",
    );
  });

  it('refuses two views on the same route', async () => {
    @ClassView('same/')
    class FirstView extends View {}
    @ClassView('same/')
    class SecondView extends View {}
    await expect(
      createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [FirstView, SecondView] }),
    ).rejects.toThrow(
      "The class views FirstView and SecondView are both served at 'same/'. Give each view a route of its own.",
    );
  });

  it('refuses a request-scoped view', async () => {
    @ClassView('scoped/')
    @Injectable({ scope: Scope.REQUEST })
    class ScopedView extends View {}
    await expect(
      createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [ScopedView] }),
    ).rejects.toThrow(
      "ScopedView is request-scoped. Class views get a fresh state per request already; remove 'scope' from its @Injectable()/@ClassView() options.",
    );
  });

  it('refuses a view whose guard is request-scoped, naming the guard', async () => {
    @Injectable({ scope: Scope.REQUEST })
    class TenantGuard implements CanActivate {
      canActivate() {
        return true;
      }
    }
    @ClassView('tenant/')
    @UseGuards(TenantGuard)
    class TenantView extends View {}
    await expect(
      createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [TenantView] }),
    ).rejects.toThrow(
      "TenantView cannot be served: TenantGuard is request-scoped or depends on a request-scoped provider. A class view and its guards, interceptors, pipes and filters are singletons (each request gets a fresh view object already): make TenantGuard a singleton, and read the request from the ExecutionContext or from the view's this.request.",
    );
  });

  it('refuses a view that injects a request-scoped provider', async () => {
    @Injectable({ scope: Scope.REQUEST })
    class CurrentUser {}
    @ClassView('me/')
    class MeView extends View {
      constructor(readonly user: CurrentUser) {
        super();
      }
    }
    await expect(
      createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [CurrentUser, MeView] }),
    ).rejects.toThrow(
      "MeView cannot be served: it depends on a request-scoped provider. A class view and its guards, interceptors, pipes and filters are singletons (each request gets a fresh view object already): make what MeView injects a singleton, and read the request from the ExecutionContext or from the view's this.request.",
    );
  });

  it('refuses a global request-scoped guard, which every class view would run unconstructed', async () => {
    @Injectable({ scope: Scope.REQUEST })
    class BlockGuard implements CanActivate {
      canActivate() {
        return true;
      }
    }
    await expect(
      createApp(platform, {
        imports: [ClassViewsModule.forRoot()],
        providers: [HelloRoute, { provide: APP_GUARD, useClass: BlockGuard }],
      }),
    ).rejects.toThrow(
      'HelloRoute cannot be served: BlockGuard is request-scoped or depends on a request-scoped provider.',
    );
  });

  it('names the class when its route uses an unknown converter', async () => {
    @ClassView('books/<year:y>/')
    class YearView extends View {}
    await expect(createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [YearView] })).rejects.toThrow(
      "YearView: URL route 'books/<year:y>/' uses invalid converter 'year'.",
    );
  });

  it('refuses at start-up a list whose model has no repository', async () => {
    class Orphan {}
    @ClassView('orphans/')
    class OrphanListView extends ListView {
      model = Orphan;
    }
    await expect(
      createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [OrphanListView] }),
    ).rejects.toThrow(
      'No repository for the model Orphan. Add TypeOrmModule.forFeature([Orphan]) to the imports of a module, or override getQueryset().',
    );
  });

  it('does not look up the model of a view that overrides getQueryset()', async () => {
    class Orphan {}
    @ClassView('orphans/')
    class ArrayListView extends ListView {
      model = Orphan;
      getQueryset() {
        return [1, 2];
      }
    }
    const app = await createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [ArrayListView] });
    await app.close();
  });

  it('serves a view provided by two modules once', async () => {
    @ClassView('twice/')
    class TwiceView extends View {
      get() {
        return new HttpResponse('once');
      }
    }
    @Module({ providers: [TwiceView] })
    class FirstModule {}
    @Module({ providers: [TwiceView] })
    class SecondModule {}
    const app = await createApp(platform, { imports: [ClassViewsModule.forRoot(), FirstModule, SecondModule] });
    await app.close();
  });

  it('refuses ClassViewsModule.forRoot() imported twice, naming the importers, instead of crashing', async () => {
    @Module({ imports: [ClassViewsModule.forRoot({ urlpatterns: [path('hi/', HelloView.asView())] })] })
    class PagesModule {}
    const message =
      'ClassViewsModule.forRoot() is imported 2 times (by ClassViewsRoot, PagesModule). Import it once, in the root module, with all the urlpatterns; other modules only list their @ClassView() providers.';
    @Module({ imports: [ClassViewsModule.forRoot(), PagesModule] })
    class ClassViewsRoot {}
    await expect(createApp(platform, ClassViewsRoot)).rejects.toThrow(new ImproperlyConfigured(message));
  });

  it('refuses two forRoot() imports side by side', async () => {
    const imports = [
      ClassViewsModule.forRoot(),
      ClassViewsModule.forRoot({ urlpatterns: [path('hi/', HelloView.asView())] }),
    ];
    await expect(createApp(platform, { imports })).rejects.toThrow(/^ClassViewsModule.forRoot\(\) is imported 2 times/);
  });

  it('logs a mistake found while routing through Nest’s logger, then rejects init()', async () => {
    class Orphan {}
    @ClassView('orphans/')
    class OrphanListView extends ListView {
      override model = Orphan;
    }
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const starting = createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [OrphanListView] });
      await expect(starting).rejects.toThrow(ImproperlyConfigured);
      const [error] = logged.mock.calls.find(([first]) => first instanceof ImproperlyConfigured) ?? [];
      expect((error as Error).message).toBe(
        'No repository for the model Orphan. Add TypeOrmModule.forFeature([Orphan]) to the imports of a module, or override getQueryset().',
      );
      expect(
        (logged.mock.contexts.find((context) => context instanceof Logger) as unknown as { context: string }).context,
      ).toBe('ExceptionHandler');
    } finally {
      logged.mockRestore();
    }
  });
});
