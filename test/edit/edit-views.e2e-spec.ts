import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import type { Repository } from 'typeorm';
import {
  CharField,
  ClassView,
  ClassViewsModule,
  CreateView,
  Form,
  DeleteView,
  JsonResponseMixin,
  path,
  UpdateView,
} from '../../src/index.js';
import { Book, libraryImports, reseedBooks, seedBooks } from '../list/library.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { describeEachDatabase } from '../utils/databases.js';
import { useTestAppOnDatabase } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

const FIELDS = ['title', 'author', 'slug', 'publicationDate'] as const;

/** The create view, as written. */
@ClassView('books/new/', { name: 'book-create' })
class BookCreateView extends CreateView<Book> {
  model = Book;
  fields = FIELDS;
  successUrl = '/books/{id}/';
}

@ClassView('books/<int:pk>/edit/', { name: 'book-update' })
class BookUpdateView extends UpdateView<Book> {
  model = Book;
  fields = ['title', 'author'] as const;
  successUrl = '/books/{id}/?saved={title}';
}

@ClassView('books/<int:pk>/delete/', { name: 'book-delete' })
class BookDeleteView extends DeleteView<Book> {
  model = Book;
  successUrl = '/books/?deleted={id}';
}

/** One class for browsers and JSON clients. */
@ClassView('api/books/new/')
class BookApiCreateView extends JsonResponseMixin(CreateView<Book>) {
  model = Book;
  fields = FIELDS;
  override jsonFields = ['id', ...FIELDS];
  successUrl = '/books/{id}/';
}

@ClassView('api/books/<int:pk>/')
class BookApiUpdateView extends JsonResponseMixin(UpdateView<Book>) {
  model = Book;
  override jsonFields = ['id', 'title'];
  fields = ['title', 'author'] as const;
  successUrl = '/books/{id}/';
}

/** A data source that is a plain array: the editing views write to it as to a table. */
const notes: Array<{ id: number; text: string }> = [{ id: 1, text: 'first' }];
class NoteForm extends Form {
  static override fields = { text: new CharField({ maxLength: 20 }) };
}

@ClassView('api/books/<int:pk>/delete/')
class BookApiDeleteView extends JsonResponseMixin(DeleteView<Book>) {
  model = Book;
  override jsonFields = ['id'];
  successUrl = '/books/';
}

/** A JSON-capable create view that does not say which fields its JSON sends. */
class JsonCreateView extends JsonResponseMixin(CreateView<Book>) {}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const valid = {
  title: 'The Dispossessed',
  author: 'Ursula K. Le Guin',
  slug: 'dispossessed',
  publicationDate: '1974-05-01T00:00',
};

describeEachDatabase('CreateView, UpdateView and DeleteView', (database) =>
  describe.each(PLATFORMS)('%s', (platform) => {
    let books: Repository<Book>;

    const served = useTestAppOnDatabase(platform, database, (connection) => ({
      imports: libraryImports(connection, {
        templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
        urlpatterns: [
          path(
            'strict/new/',
            CreateView.asView({ model: Book, fields: FIELDS, successUrl: '/', formInvalidStatus: 422 }),
          ),
          path(
            'notes/new/',
            CreateView.asView({
              queryset: notes,
              formClass: NoteForm,
              templateName: 'contact.html',
              successUrl: '/notes/{id}/',
            }),
          ),
          path(
            'notes/<int:pk>/edit/',
            UpdateView.asView({
              queryset: notes,
              formClass: NoteForm,
              templateName: 'contact.html',
              successUrl: '/notes/',
            }),
          ),
          path(
            'notes/<int:pk>/delete/',
            DeleteView.asView({ queryset: notes, templateName: 'contact.html', successUrl: '/notes/' }),
          ),
          path('api/unchosen/new/', JsonCreateView.asView({ model: Book, fields: FIELDS, successUrl: '/' })),
          path(
            'by-hand/new/',
            CreateView.asView({ model: Book, fields: ['title'], templateName: 'fields.html', successUrl: '/' }),
          ),
        ],
      }),
      providers: [
        BookCreateView,
        BookUpdateView,
        BookDeleteView,
        BookApiCreateView,
        BookApiUpdateView,
        BookApiDeleteView,
      ],
    }));
    const { http } = served;
    beforeEach(async () => {
      books = await reseedBooks(served.app, 3);
    });

    const post = (url: string, values: Record<string, string>) =>
      http.post(url).set(CSRF_HEADERS).set('Content-Type', 'application/x-www-form-urlencoded').send(form(values));

    it('shows the unbound form from the entity’s columns, in book_form.html', async () => {
      const res = await http.get('/books/new/');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>New book</h1>');
      expect(res.text).toContain(
        '<div><label for="id_title">Title:</label><input type="text" name="title" required id="id_title"></div>',
      );
      expect(res.text).toContain(
        '<input type="datetime-local" name="publicationDate" required id="id_publicationDate">',
      );
    });

    it('stores exactly one row for a valid form and redirects to its page', async () => {
      const res = await post('/books/new/', valid);
      expect(res.status).toBe(302);
      const stored = await books.findBy({ slug: 'dispossessed' });
      expect(stored).toHaveLength(1);
      expect(res.headers.location).toBe(`/books/${stored[0]!.id}/`);
      expect(stored[0]).toMatchObject({ title: 'The Dispossessed', author: 'Ursula K. Le Guin' });
      expect(stored[0]!.publicationDate.toISOString()).toBe('1974-05-01T00:00:00.000Z');
      expect(await books.count()).toBe(4);
    });

    it('re-renders an invalid form with Django’s messages and the values typed, escaped, and stores nothing', async () => {
      const res = await post('/books/new/', {
        ...valid,
        title: '',
        author: '<b>me</b>',
        publicationDate: '1974-13-01',
      });
      expect(res.status).toBe(200);
      expect(res.text).toContain(
        '<ul class="errorlist"><li>This field is required.</li></ul><input type="text" name="title" required id="id_title" aria-invalid="true">',
      );
      expect(res.text).toContain(
        '<input type="text" name="author" value="&lt;b&gt;me&lt;/b&gt;" required id="id_author">',
      );
      expect(res.text).toContain('<li>Enter a valid date/time.</li>');
      expect(await books.count()).toBe(3);
    });

    it('refuses a create, an update and a delete without the CSRF token: 403, nothing written', async () => {
      const [book] = await books.find({ order: { id: 'ASC' }, take: 1 });
      expect((await http.post('/books/new/').type('form').send(form(valid))).status).toBe(403);
      expect((await http.post('/api/books/new/').send(valid)).status).toBe(403);
      expect(
        (
          await http
            .post(`/books/${book!.id}/edit/`)
            .type('form')
            .send(form({ title: 'Forged', author: 'X' }))
        ).status,
      ).toBe(403);
      expect((await http.delete(`/books/${book!.id}/delete/`)).status).toBe(403);
      expect(await books.count()).toBe(3);
      expect(await books.findOneByOrFail({ id: book!.id })).toEqual(book);
    });

    it('answers an invalid form with 422 when formInvalidStatus says so', async () => {
      const res = await post('/strict/new/', { title: 'x' });
      expect(res.status).toBe(422);
      expect(await books.count()).toBe(3);
    });

    it('lets a template lay fields out by hand', async () => {
      const res = await post('/by-hand/new/', {});
      expect(res.text.trim()).toBe(
        '<label for="id_title">Title:</label><input type="text" name="title" required id="id_title" aria-invalid="true"><ul class="errorlist"><li>This field is required.</li></ul>',
      );
    });

    it('refuses PATCH with Django’s Allow header', async () => {
      const res = await http.patch('/books/new/').set(CSRF_HEADERS);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, POST, PUT, HEAD, OPTIONS');
    });

    it('shows the object’s values for update, saves a valid change and redirects with {title} encoded', async () => {
      const [book] = await books.find({ order: { id: 'ASC' }, take: 1 });
      const page = await http.get(`/books/${book!.id}/edit/`);
      expect(page.text).toContain(`<h1>Edit ${book!.title}</h1>`);
      expect(page.text).toContain(`<input type="text" name="title" value="${book!.title}" required id="id_title">`);
      const res = await post(`/books/${book!.id}/edit/`, { title: 'New & improved', author: 'Someone' });
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(`/books/${book!.id}/?saved=New%20%26%20improved`);
      expect(await books.findOneByOrFail({ id: book!.id })).toMatchObject({
        title: 'New & improved',
        author: 'Someone',
        slug: book!.slug,
      });
      expect(await books.count()).toBe(3);
    });

    it('stores only the form’s fields: extra keys in the body (id, slug, __proto__) are ignored', async () => {
      const [book] = await books.find({ order: { id: 'ASC' }, take: 1 });
      const res = await post(`/books/${book!.id}/edit/`, {
        title: 'T',
        author: 'A',
        id: '999',
        slug: 'hijacked',
        __proto__: 'x',
      } as Record<string, string>);
      expect(res.status).toBe(302);
      expect(await books.findOneByOrFail({ id: book!.id })).toMatchObject({
        title: 'T',
        author: 'A',
        slug: book!.slug,
      });
      expect(await books.findOneBy({ id: 999 })).toBeNull();
      const json = await http
        .put(`/api/books/${book!.id}/`)
        .set(CSRF_HEADERS)
        .send({ title: 'J', author: 'K', slug: 'x', id: 999 });
      expect(json.status).toBe(200);
      expect(await books.findOneByOrFail({ id: book!.id })).toMatchObject({
        title: 'J',
        author: 'K',
        slug: book!.slug,
      });
      // Fastify refuses a JSON "__proto__" key (400); Express's parser keeps it as a plain key. Neither pollutes.
      const proto = await http
        .put(`/api/books/${book!.id}/`)
        .set(CSRF_HEADERS)
        .type('json')
        .send('{"title":"P","author":"Q","__proto__":{"polluted":true}}');
      expect([200, 400]).toContain(proto.status);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await books.findOneByOrFail({ id: book!.id })).slug).toBe(book!.slug);
    });

    it('leaves the row alone for an invalid update', async () => {
      const [book] = await books.find({ order: { id: 'ASC' }, take: 1 });
      const res = await post(`/books/${book!.id}/edit/`, { title: 'Changed', author: '' });
      expect(res.status).toBe(200);
      expect(res.text).toContain('<li>This field is required.</li>');
      expect(await books.findOneByOrFail({ id: book!.id })).toEqual(book);
    });

    it('answers 404 for updating a missing object, on GET and POST', async () => {
      expect((await http.get('/books/999/edit/')).status).toBe(404);
      expect((await post('/books/999/edit/', { title: 'x', author: 'y' })).status).toBe(404);
      expect(await books.count()).toBe(3);
    });

    it('confirms, then deletes by POST, redirecting to a URL computed before the row went', async () => {
      const [book] = await books.find({ order: { id: 'ASC' }, take: 1 });
      const page = await http.get(`/books/${book!.id}/delete/`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`Delete “${book!.title}”?`);
      const res = await post(`/books/${book!.id}/delete/`, {});
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(`/books/?deleted=${book!.id}`);
      expect(await books.findOneBy({ id: book!.id })).toBeNull();
      expect(await books.count()).toBe(2);
    });

    it('deletes by the DELETE method, without a form; 404 when missing', async () => {
      const [book] = await books.find({ order: { id: 'ASC' }, take: 1 });
      const res = await http.delete(`/books/${book!.id}/delete/`).set(CSRF_HEADERS);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(`/books/?deleted=${book!.id}`);
      expect(await books.count()).toBe(2);
      expect((await http.delete(`/books/${book!.id}/delete/`).set(CSRF_HEADERS)).status).toBe(404);
      expect((await post(`/books/${book!.id}/delete/`, {})).status).toBe(404);
      expect((await http.options(`/books/${book!.id}/delete/`)).headers.allow).toBe('GET, POST, DELETE, HEAD, OPTIONS');
    });

    it('answers a JSON client with 201 and the object it stored', async () => {
      const res = await http
        .post('/api/books/new/')
        .set(CSRF_HEADERS)
        .send({ ...valid, publicationDate: '1974-05-01' });
      expect(res.status).toBe(201);
      expect(res.body.object).toEqual({
        id: expect.any(Number),
        title: 'The Dispossessed',
        author: 'Ursula K. Le Guin',
        slug: 'dispossessed',
        publicationDate: '1974-05-01T00:00:00.000Z',
      });
      expect(await books.findOneByOrFail({ id: res.body.object.id })).toMatchObject({ title: 'The Dispossessed' });
      expect(await books.count()).toBe(4);
    });

    it('refuses a JSON create without jsonFields before writing anything', async () => {
      const res = await http.post('/api/unchosen/new/').set(CSRF_HEADERS).send(valid);
      expect(res.status).toBe(500);
      expect(await books.count()).toBe(3);
    });

    it('answers an invalid JSON body with 422 and the messages, and stores nothing', async () => {
      const res = await http
        .post('/api/books/new/')
        .set(CSRF_HEADERS)
        .send({ title: 'x'.repeat(3), author: 42, slug: ['a', 'b'] });
      expect(res.status).toBe(422);
      expect(res.body).toEqual({ errors: { publicationDate: ['This field is required.'] } });
      const missing = await http.post('/api/books/new/').set(CSRF_HEADERS).send({});
      expect(missing.body.errors.title).toEqual(['This field is required.']);
      expect(await books.count()).toBe(3);
    });

    it('updates by PUT with a JSON body: 200 and the object', async () => {
      const [book] = await books.find({ order: { id: 'ASC' }, take: 1 });
      const res = await http
        .put(`/api/books/${book!.id}/`)
        .set(CSRF_HEADERS)
        .send({ title: 'Renamed', author: 'A. N. Other' });
      expect(res.status).toBe(200);
      expect(res.body.object).toEqual({ id: book!.id, title: 'Renamed' });
      expect((await books.findOneByOrFail({ id: book!.id })).title).toBe('Renamed');
    });

    it('creates, updates and deletes in an array data source', async () => {
      const created = await post('/notes/new/', { text: 'second' });
      expect(created.status).toBe(302);
      const id = notes.at(-1)!.id;
      expect(created.headers.location).toBe(`/notes/${id}/`);
      expect(notes.at(-1)).toEqual({ id, text: 'second' });
      expect((await post(`/notes/${id}/edit/`, { text: 'changed' })).status).toBe(302);
      expect(notes.at(-1)).toEqual({ id, text: 'changed' });
      expect((await post(`/notes/${id}/delete/`, {})).status).toBe(302);
      expect(notes.map((note) => note.id)).not.toContain(id);
      expect((await post('/notes/new/', { text: 'x'.repeat(21) })).status).toBe(200);
      expect(notes).toEqual([{ id: 1, text: 'first' }]);
    });

    it('answers a JSON client’s DELETE with 204', async () => {
      const [book] = await books.find({ order: { id: 'ASC' }, take: 1 });
      const res = await http
        .delete(`/api/books/${book!.id}/delete/`)
        .set(CSRF_HEADERS)
        .set('Accept', 'application/json');
      expect(res.status).toBe(204);
      expect(await books.findOneBy({ id: book!.id })).toBeNull();
    });

    it('still serves browsers the HTML form from the JSON-capable view', async () => {
      const res = await post('/api/books/new/', { title: '' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<li>This field is required.</li>');
    });
  }),
);

describeEachDatabase('Unique columns', (database) =>
  describe.each(PLATFORMS)('%s', (platform) => {
    let books: Repository<Book>;
    const served = useTestAppOnDatabase(platform, database, (connection) => ({
      imports: [
        TypeOrmModule.forRoot({ ...connection, entities: [Book], synchronize: true }),
        ClassViewsModule.forRoot({
          templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
          imports: [TypeOrmModule.forFeature([Book])],
        }),
      ],
      providers: [BookCreateView, BookApiUpdateView],
    }));
    const { http } = served;
    beforeAll(async () => {
      books = served.app.get<Repository<Book>>('BookRepository');
      await books.save(seedBooks().slice(0, 2));
    });

    it('refuses a slug another book has, with Django’s message, and stores nothing', async () => {
      const res = await http
        .post('/books/new/')
        .set(CSRF_HEADERS)
        .type('form')
        .send(form({ ...valid, slug: 'book-1' }));
      expect(res.status).toBe(200);
      expect(res.text).toContain(
        '<ul class="errorlist"><li>Book with this Slug already exists.</li></ul><input type="text" name="slug" value="book-1"',
      );
      expect(await books.count()).toBe(2);
    });
  }),
);
