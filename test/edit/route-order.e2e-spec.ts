import { describe, expect, it } from '@jest/globals';
import { ClassView, ClassViewsModule, HttpResponse, View } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

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
  const { http } = useTestApp(platform, {
    imports: [ClassViewsModule.forRoot()],
    providers: [DetailFirstView, NewAfterView],
  });

  it('serves books/new/ although books/<int:pk>/ was registered first', async () => {
    const res = await http.get('/books/new/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('new');
    expect((await http.get('/books/7/')).text).toBe('detail');
  });
});
