import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ClassView, ClassViewsModule, HttpResponse, View } from '../../src/index.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';

@ClassView('books/<int:pk>/')
class DetailFirstView extends View {
  get() {
    return new HttpResponse('detail');
  }
}

@ClassView('books/new/')
class NewAfterView extends View {
  get() {
    return new HttpResponse('new');
  }
}

/**
 * A route whose converter refuses the value (`<int:pk>` and `new`) answers 404 rather than
 * passing the request on, so routes without captures are registered first: Fastify's router
 * prefers static text anyway, and Express tries a module's routes in order.
 */
describe.each(PLATFORMS)('A static route after a converter route on the same prefix, %s', (platform) => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [DetailFirstView, NewAfterView] });
  });
  afterAll(() => app.close());

  it('serves books/new/ although books/<int:pk>/ was registered first', async () => {
    const res = await request(app.getHttpServer()).get('/books/new/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('new');
    expect((await request(app.getHttpServer()).get('/books/7/')).text).toBe('detail');
  });
});
