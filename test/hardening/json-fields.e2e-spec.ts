import { beforeAll, describe, expect, it } from '@jest/globals';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { BaseDetailView, BaseListView, ClassViewsModule, JsonResponseMixin, ListView, path } from '../../src/index.js';
import { Book, seedBooks } from '../list/library.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

class BookApiView extends JsonResponseMixin(BaseListView<Book>) {
  model = Book;
  ordering = ['id'];
  paginateBy = 2;
}

class BookDetailJson extends JsonResponseMixin(BaseDetailView<Book>) {
  model = Book;
}

/** Shapes each object itself: no `jsonFields` needed. */
class ShapedView extends JsonResponseMixin(BaseDetailView<Book>) {
  model = Book;
  serializeObject(book: Book) {
    return { id: book.id, label: `${book.title} by ${book.author}` };
  }
}

/** Negotiates: browsers get the template whatever the JSON settings. */
class HybridView extends JsonResponseMixin(ListView<Book>) {
  model = Book;
  ordering = ['id'];
  paginateBy = 2;
  templateName = 'book_list.html';
}

describe.each(PLATFORMS)('JsonResponseMixin sends the fields a view chooses, on %s', (platform) => {
  const errors: string[] = [];

  const served = useTestApp(
    platform,
    {
      imports: [
        TypeOrmModule.forRoot({ type: 'sqljs', entities: [Book], synchronize: true }),
        ClassViewsModule.forRoot({
          templates: { dirs: [join(import.meta.dirname, '..', 'list', 'fixtures')] },
          imports: [TypeOrmModule.forFeature([Book])],
          urlpatterns: [
            path('fields/', BookApiView.asView({ jsonFields: ['id', 'title'] })),
            path('all/', BookApiView.asView({ jsonFields: '__all__' })),
            path('unset/', BookApiView.asView()),
            path('typo/', BookApiView.asView({ jsonFields: ['id', 'titel'] })),
            path('books/<int:pk>/', BookDetailJson.asView({ jsonFields: ['title'] })),
            path('shaped/<int:pk>/', ShapedView.asView()),
            path('hybrid/', HybridView.asView()),
          ],
        }),
      ],
    },
    {
      beforeInit: (nest) => {
        nest.useLogger({ log() {}, warn() {}, error: (message: unknown) => void errors.push(String(message)) });
      },
    },
  );
  const { http } = served;
  beforeAll(async () => {
    await served.app.get(DataSource).getRepository(Book).save(seedBooks().slice(0, 3));
  });

  it('sends only the listed fields of each object, in order (Django values())', async () => {
    const res = await http.get('/fields/');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /^\{"object_list":\[\{"id":1,"title":"Book 01"\},\{"id":2,"title":"Book 02"\}\],"page":\{/,
    );
  });

  it("sends every column only when asked with '__all__'", async () => {
    const res = await http.get('/all/');
    expect(Object.keys(res.body.object_list[0])).toEqual(['id', 'title', 'author', 'slug', 'publicationDate']);
  });

  it('applies the list to a detail view', async () => {
    expect((await http.get('/books/2/')).body).toEqual({ object: { title: 'Book 02' } });
  });

  it('lets serializeObject() shape each object without jsonFields', async () => {
    expect((await http.get('/shaped/1/')).body).toEqual({ object: { id: 1, label: 'Book 01 by Le Guin' } });
  });

  it('refuses to answer JSON without jsonFields: a 500 that names the class and the fix, no data sent', async () => {
    errors.length = 0;
    const res = await http.get('/unset/');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
    expect(errors.join('\n')).toContain(
      "BookApiView answers JSON without a 'jsonFields' attribute, which would send every field of every object. Define BookApiView.jsonFields (the fields to send, or '__all__' for every one), or override BookApiView.serializeObject().",
    );
  });

  it('names a field the objects do not have, and the choices', async () => {
    errors.length = 0;
    expect((await http.get('/typo/')).status).toBe(500);
    expect(errors.join('\n')).toContain(
      "BookApiView.jsonFields names 'titel', which the object does not have. Choices are: id, title, author, slug, publicationDate.",
    );
  });

  it('serves HTML to browsers of a negotiating view, and refuses only its JSON until fields are chosen', async () => {
    expect((await http.get('/hybrid/').set('Accept', 'text/html')).status).toBe(200);
    expect((await http.get('/hybrid/').set('Accept', 'application/json')).status).toBe(500);
  });
});
