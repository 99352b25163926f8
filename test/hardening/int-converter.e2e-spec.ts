import { beforeAll, describe, expect, it } from '@jest/globals';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BaseDetailView, ClassViewsModule, JsonResponse, JsonResponseMixin, path, View } from '../../src/index.js';
import { Book, QueryCounter, seedBooks } from '../list/library.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

class KwargsView extends View {
  get() {
    return new JsonResponse({ pk: this.kwargs.pk, type: typeof this.kwargs.pk });
  }
}

class BookJsonView extends JsonResponseMixin(BaseDetailView<Book>) {
  model = Book;
  jsonFields = ['id', 'title'];
}

const MAX = String(Number.MAX_SAFE_INTEGER); // 9007199254740991

/**
 * Django's `<int:>` gives a Python int of any size, and the database then finds no row:
 * 404. A JavaScript number is exact only up to 2^53 - 1, so a larger value does not match
 * (404) rather than being rounded onto another id or becoming `Infinity`.
 */
describe.each(PLATFORMS)('<int:pk> never rounds on %s', (platform) => {
  const counter = new QueryCounter();

  const served = useTestApp(platform, {
    imports: [
      TypeOrmModule.forRoot({ type: 'sqljs', entities: [Book], synchronize: true, logging: true, logger: counter }),
      ClassViewsModule.forRoot({
        imports: [TypeOrmModule.forFeature([Book])],
        urlpatterns: [path('kwargs/<int:pk>/', KwargsView.asView()), path('books/<int:pk>/', BookJsonView.asView())],
      }),
    ],
  });
  const { http } = served;
  beforeAll(async () => {
    await served.app
      .get<import('typeorm').DataSource>((await import('typeorm')).DataSource)
      .getRepository(Book)
      .save(seedBooks().slice(0, 3));
  });

  it('gives the largest exact integer as it is', async () => {
    const res = await http.get(`/kwargs/${MAX}/`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ pk: Number.MAX_SAFE_INTEGER, type: 'number' });
  });

  it('reads leading zeros as Python int() does', async () => {
    expect((await http.get('/kwargs/007/')).body).toEqual({ pk: 7, type: 'number' });
  });

  it.each([
    ['2^53', '9007199254740992'],
    ['2^53 + 1', '9007199254740993'],
    ['20 digits', '18446744073709551616'],
    ['80 digits', '9'.repeat(80)],
  ])('does not match %s (404)', async (_label, digits) => {
    const res = await http.get(`/kwargs/${digits}/`);
    expect(res.status).toBe(404);
  });

  // Fastify refuses a parameter longer than its maxParamLength (100) itself: 414.
  const tooLong = platform === 'fastify' ? 414 : 404;

  it(`answers ${tooLong} for a 400-digit id of a detail view, before any query`, async () => {
    counter.reset();
    const res = await http.get(`/books/${'9'.repeat(400)}/`);
    expect(res.status).toBe(tooLong);
    expect(res.text).not.toMatch(/SELECT|Infinity/i);
    expect(counter.queries).toEqual([]);
    expect((await http.get(`/books/${'9'.repeat(80)}/`)).status).toBe(404);
    expect(counter.queries).toEqual([]);
    expect((await http.get('/books/1/')).body).toEqual({ object: { id: 1, title: 'Book 01' } });
  });
});
