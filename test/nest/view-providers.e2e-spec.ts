import { describe, expect, it } from '@jest/globals';
import { SetMetadata } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ClassView, ClassViewsModule, HttpResponse, View } from '../../src/index.js';
import { appFrom, createApp, PLATFORMS } from '../utils/platforms.js';

/** What `@OnEvent()` or `@Cron()` write on a method, for an explorer to find. */
const ON_EVENT = 'test:on-event';

@ClassView('greet/')
class GreetView extends View {
  greeting = 'Hello';

  @SetMetadata(ON_EVENT, 'greeted')
  get() {
    return new HttpResponse(this.greeting);
  }
}

class QuietGreetView extends GreetView {
  override greeting = 'Hush';
}

describe.each(PLATFORMS)('Class view providers on %s', (platform) => {
  it('keeps serving a view whose provider a test overrides', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ClassViewsModule.forRoot()], providers: [GreetView] })
      .overrideProvider(GreetView)
      .useValue(new QuietGreetView())
      .compile();
    const app = await appFrom(platform, moduleRef);
    try {
      expect((await request(app.getHttpServer()).get('/greet/')).text).toBe('Hush');
    } finally {
      await app.close();
    }
  });

  it('shows explorers a decorated handler once, on the view’s provider', async () => {
    const app = await createApp(platform, {
      imports: [DiscoveryModule, ClassViewsModule.forRoot()],
      providers: [GreetView],
    });
    try {
      const discovery = app.get(DiscoveryService);
      const scanner = new MetadataScanner();
      const found = [...discovery.getProviders(), ...discovery.getControllers()].flatMap((wrapper) => {
        const instance = wrapper.instance as object | undefined;
        if (!instance || typeof instance !== 'object') return [];
        const prototype = Object.getPrototypeOf(instance);
        return scanner
          .getAllMethodNames(prototype)
          .filter((name) => Reflect.getMetadata(ON_EVENT, prototype[name]) !== undefined);
      });
      expect(found).toEqual(['get']);
    } finally {
      await app.close();
    }
  });
});
