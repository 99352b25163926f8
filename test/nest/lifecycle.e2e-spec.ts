import { describe, expect, it } from '@jest/globals';
import { type CanActivate, type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import request from 'supertest';
import { ClassView, ClassViewsModule, HttpResponse, View } from '../../src/index.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';

/** A view's lifecycle hooks and what its enhancers see: each test starts and closes its own app, as the hooks run then. */

describe.each(PLATFORMS)('Lifecycle hooks and enhancer context on %s', (platform) => {
  const seen: string[] = [];

  @Injectable()
  class Clock {
    readonly name = 'clock';
  }

  /** Records which object each hook ran on: the provider, with its dependency, once. */
  @ClassView('hooked/')
  @UseGuards(
    class ClassGuard implements CanActivate {
      canActivate(context: ExecutionContext): boolean {
        seen.push(`guard:${context.getClass().name}:${context.getHandler().name}`);
        return context.switchToHttp().getRequest().headers['x-token'] === 'ok';
      }
    },
  )
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
