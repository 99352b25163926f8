import { describe, expect, it } from '@jest/globals';
import type { INestApplication, PipeTransform } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ClassViewsModule, path } from '../../src/index.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { appFrom, createApp, PLATFORMS } from '../utils/platforms.js';
import { BodyEchoView } from '../views.js';
import { PipedView, ShoutPipe } from './pipes.js';

/** The body a class view reads, and the pipes of the view, of the app and of APP_PIPE it goes through. */

/** Inherits `PipedView`'s `@UsePipes(ShoutPipe)`. */
class InheritedPipesView extends PipedView {}

describe.each(PLATFORMS)('The body of a request to a class view on %s', (platform) => {
  const urlpatterns = [path('echo/', BodyEchoView.asView()), path('inherited/', InheritedPipesView.asView())];
  const body = { title: 'dune', year: 1965 };

  /** POST `body` to `url`, then close the app (each test starts one of its own, with its own pipes). */
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
    const app = await createApp(
      platform,
      { imports: [ClassViewsModule.forRoot({ urlpatterns })] },
      { beforeInit: (nest) => void nest.useGlobalPipes(new ShoutPipe()) },
    );
    expect(await echo(app, '/echo/')).toEqual({ body: { title: 'DUNE', year: 1965 } });
  });

  it('goes through the pipes of a second app a compiled testing module makes, the first having none', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ClassViewsModule.forRoot({ urlpatterns })],
    }).compile();
    const make = (pipes: PipeTransform[]) =>
      appFrom(platform, moduleRef, { beforeInit: (app) => void app.useGlobalPipes(...pipes) });
    // The first app routes the handler without the body, the second the one with it (the apps
    // share the module's configuration, so the pipe would stay for a third).
    expect(await echo(await make([]), '/echo/')).toEqual({ body });
    expect(await echo(await make([new ShoutPipe()]), '/echo/')).toEqual({ body: { title: 'DUNE', year: 1965 } });
  });

  it('goes through an APP_PIPE provider', async () => {
    const app = await createApp(platform, {
      imports: [ClassViewsModule.forRoot({ urlpatterns })],
      providers: [{ provide: APP_PIPE, useClass: ShoutPipe }],
    });
    expect(await echo(app, '/echo/')).toEqual({ body: { title: 'DUNE', year: 1965 } });
  });
});
