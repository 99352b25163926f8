import { afterEach, describe, expect, it } from '@jest/globals';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiOperation, ApiTags, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ClassView, ClassViewsModule, HttpResponse, path, View } from '../../src/index.js';
import { createApp, PLATFORMS, type Platform } from '../utils/platforms.js';

@ClassView('hello/', { name: 'hello' })
class HelloView extends View {
  @ApiOperation({ summary: 'Say hello' })
  get() {
    return new HttpResponse('Hello');
  }
}

@ClassView('books/<int:pk>/')
@ApiTags('books')
class BookView extends View {
  get() {
    return new HttpResponse('book');
  }
  post() {
    return new HttpResponse('saved');
  }
  delete() {
    return new HttpResponse('gone');
  }
  /** Not a handler: what an `@OnEvent()` or `@Cron()` method looks like to an explorer. */
  refresh() {
    return 'refreshed';
  }
}

class InlineView extends View {
  get() {
    return new HttpResponse('inline');
  }
}

@Controller('plain')
class PlainController {
  @Get()
  get() {
    return 'plain';
  }
}

async function build(platform: Platform): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      DiscoveryModule,
      ClassViewsModule.forRoot({
        urlpatterns: [
          path('inline/', InlineView.asView()),
          path('editions/<int:pk>-<slug:slug>/', InlineView.asView()),
        ],
      }),
    ],
    controllers: [PlainController],
    providers: [HelloView, BookView],
  }).compile();
  return moduleRef.createNestApplication(platform === 'express' ? new ExpressAdapter() : new FastifyAdapter(), {
    logger: false,
  });
}

const config = new DocumentBuilder().setTitle('class views').build();

describe.each(PLATFORMS)('@nestjs/swagger on %s', (platform) => {
  let app: INestApplication;
  afterEach(() => app.close());

  const expectOperations = (paths: Record<string, Record<string, { operationId?: string; summary?: string }>>) => {
    expect(Object.keys(paths['/hello/'])).toEqual(['get']);
    expect(paths['/hello/'].get.operationId).toBe('HelloView_get');
    expect(paths['/hello/'].get.summary).toBe('Say hello');
    expect(Object.keys(paths['/books/{pk}/']).sort()).toEqual(['delete', 'get', 'post']);
    expect(Object.keys(paths['/inline/'])).toEqual(['get']);
    expect(Object.keys(paths['/plain'])).toEqual(['get']);
    expect(paths['/hello']).toBeUndefined();
  };

  it('lists each class view with the operations it serves when the document is made before init()', async () => {
    app = await build(platform);
    const document = SwaggerModule.createDocument(app, config);
    expectOperations(document.paths as never);
    await app.init();
    if (platform === 'fastify') await app.getHttpAdapter().getInstance().ready();
    expect((await request(app.getHttpServer()).get('/hello/')).text).toBe('Hello');
  });

  it('lists the same operations when the document is made after init()', async () => {
    app = await build(platform);
    await app.init();
    const document = SwaggerModule.createDocument(app, config);
    expectOperations(document.paths as never);
  });

  it('describes path parameters with their converter’s type and keeps class-level tags', async () => {
    app = await build(platform);
    const document = SwaggerModule.createDocument(app, config);
    const get = (document.paths['/books/{pk}/'] as Record<string, any>).get;
    expect(get.parameters).toEqual([{ name: 'pk', in: 'path', required: true, schema: { type: 'integer' } }]);
    expect(get.tags).toEqual(['books']);
  });

  it('documents a segment of several parameters with each of them, also after init()', async () => {
    app = await build(platform);
    for (const stage of ['before', 'after']) {
      if (stage === 'after') await app.init();
      const get = (SwaggerModule.createDocument(app, config).paths['/editions/{pk}-{slug}/'] as Record<string, any>)
        .get;
      expect(get.parameters).toEqual([
        { name: 'pk', in: 'path', required: true, schema: { type: 'integer' } },
        { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
      ]);
    }
  });

  it('leaves the view’s methods on its provider: explorers that scan controllers (schedule, events) find them once', async () => {
    app = await build(platform);
    SwaggerModule.createDocument(app, config);
    await app.init();
    const discovery = app.get(DiscoveryService);
    const scanner = new MetadataScanner();
    const owners = [...discovery.getProviders(), ...discovery.getControllers()]
      .map((wrapper) => wrapper.instance as object | undefined)
      .filter((instance): instance is object => !!instance && typeof instance === 'object')
      .filter((instance) => {
        const prototype = Object.getPrototypeOf(instance);
        return scanner.getAllMethodNames(prototype).some((name) => prototype[name] === BookView.prototype.refresh);
      });
    expect(owners).toHaveLength(1);
    expect(owners[0]).toBeInstanceOf(BookView);
  });
});

class PageView extends View {
  get() {
    return new HttpResponse('page');
  }
  post() {
    return new HttpResponse('posted');
  }
}

describe.each(PLATFORMS)('@nestjs/swagger with one view class on several routes, on %s', (platform) => {
  let app: INestApplication;
  afterEach(() => app.close());

  it('gives each route its own operation ids, named as Swagger names a handler’s extra paths', async () => {
    app = await createApp(platform, {
      imports: [
        ClassViewsModule.forRoot({
          urlpatterns: [
            path('about/', PageView.asView()),
            path('contact/', PageView.asView()),
            path('terms/', PageView.asView()),
          ],
        }),
      ],
    });
    const paths = SwaggerModule.createDocument(app, config).paths as Record<
      string,
      Record<string, { operationId: string }>
    >;
    const ids = ['/about/', '/contact/', '/terms/'].map((route) => [
      paths[route].get.operationId,
      paths[route].post.operationId,
    ]);
    expect(ids).toEqual([
      ['PageView_get', 'PageView_post'],
      ['PageView_get[1]', 'PageView_post[1]'],
      ['PageView_get[2]', 'PageView_post[2]'],
    ]);
    expect((await request(app.getHttpServer()).get('/contact/')).text).toBe('page');
  });
});
