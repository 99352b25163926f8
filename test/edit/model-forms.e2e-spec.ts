import { beforeEach, describe, expect, it } from '@jest/globals';
import { InjectRepository } from '@nestjs/typeorm';
import { join } from 'node:path';
import type { Repository } from 'typeorm';
import {
  ClassView,
  CreateView,
  type Form,
  FormView,
  Http404,
  JsonResponseMixin,
  ModelForm,
  UpdateView,
  ValidationError,
} from '../../src/index.js';
import { Book, libraryImports, reseedBooks } from '../list/library.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { describeEachDatabase } from '../utils/databases.js';
import { useTestAppOnDatabase } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

/** Django's ModelForm: `class Meta` as `meta`, a per-field hook. */
class BookForm extends ModelForm<Book> {
  static override meta = { model: Book, fields: ['title', 'author', 'slug', 'publicationDate'] };

  cleanTitle() {
    const title = String(this.cleanedData.title).trim();
    if (title.toLowerCase() === 'untitled') throw new ValidationError('Give the book a real title.', 'untitled');
    return title;
  }
}

@ClassView('books/new/')
class BookCreateView extends JsonResponseMixin(CreateView<Book>) {
  override formClass = BookForm;
  // No model on the view: Django too needs the template named then.
  override templateName = 'book_form.html';
  override jsonFields = ['id', 'title'];
  override successUrl = '/books/{id}/';
}

/** Django's idiom in a plain FormView: `this.object = form.save()`, then the redirect. */
@ClassView('quick-add/')
class QuickAddView extends FormView {
  override templateName = 'contact.html';
  override formClass = BookForm;
  override successUrl = '/books/';
  object: Book | null = null;

  override async formValid(form: Form) {
    this.object = await (form as BookForm).save();
    return super.formValid(form);
  }
}

/** An update view with only getObject() of its own and fields: the form's model is the object's class. */
@ClassView('by-slug/<slug:slug>/edit/')
class BookBySlugUpdateView extends UpdateView<Book> {
  override fields = ['title', 'slug'] as const;
  override successUrl = '/books/{id}/';

  constructor(@InjectRepository(Book) private readonly books: Repository<Book>) {
    super();
  }

  override async getObject() {
    const book = await this.books.findOneBy({ slug: String(this.kwargs.slug) });
    if (!book) throw new Http404('No book found matching the query');
    return book;
  }
}

/** A model that is no entity (a legacy class), with a getObject() of the view's own. */
class LegacyBook {}

@ClassView('legacy/<int:pk>/edit/')
class LegacyUpdateView extends UpdateView<Book> {
  override model = LegacyBook;
  override fields = ['title'] as const;
  override successUrl = '/books/{id}/';

  constructor(@InjectRepository(Book) private readonly books: Repository<Book>) {
    super();
  }

  override async getObject() {
    return this.books.findOneByOrFail({ id: Number(this.kwargs.pk) });
  }
}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const NEW_BOOK = { title: '  Dune  ', author: 'Frank Herbert', slug: 'dune', publicationDate: '1965-08-01T00:00' };

describeEachDatabase('Model forms', (database) =>
  describe.each(PLATFORMS)('%s', (platform) => {
    let books: Repository<Book>;

    const served = useTestAppOnDatabase(platform, database, (connection) => ({
      imports: libraryImports(connection, { templates: { dirs: [join(import.meta.dirname, 'fixtures')] } }),
      providers: [BookCreateView, QuickAddView, BookBySlugUpdateView, LegacyUpdateView],
    }));
    const { http } = served;
    beforeEach(async () => {
      books = await reseedBooks(served.app, 2);
    });

    const post = (url: string, values: Record<string, string>) =>
      http.post(url).set(CSRF_HEADERS).type('form').send(form(values));

    it('stores what a declared model form’s clean<Name>() returns', async () => {
      const res = await post('/books/new/', NEW_BOOK);
      expect(res.status).toBe(302);
      const stored = await books.findOneByOrFail({ slug: 'dune' });
      expect(res.headers.location).toBe(`/books/${stored.id}/`);
      expect(stored.title).toBe('Dune');
    });

    it('shows the error a clean<Name>() throws under its field (200 for a browser, 422 for JSON) and stores nothing', async () => {
      const res = await post('/books/new/', { ...NEW_BOOK, title: 'Untitled' });
      expect(res.status).toBe(200);
      expect(res.text).toContain(
        '<ul class="errorlist"><li>Give the book a real title.</li></ul><input type="text" name="title" value="Untitled"',
      );
      const json = await http
        .post('/books/new/')
        .set(CSRF_HEADERS)
        .send({ ...NEW_BOOK, title: 'untitled', publicationDate: '1965-08-01' });
      expect(json.status).toBe(422);
      expect(json.body).toEqual({ errors: { title: ['Give the book a real title.'] } });
      expect(await books.count()).toBe(2);
    });

    it('checks the unique slug in the declared form itself, with Django’s message', async () => {
      const res = await post('/books/new/', { ...NEW_BOOK, slug: 'book-1' });
      expect(res.status).toBe(200);
      expect(res.text).toContain('<li>Book with this Slug already exists.</li>');
      expect(await books.count()).toBe(2);
    });

    it('saves with Django’s idiom in a FormView: this.object = await form.save()', async () => {
      const res = await post('/quick-add/', NEW_BOOK);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/books/');
      expect(await books.findOneByOrFail({ slug: 'dune' })).toMatchObject({ title: 'Dune', author: 'Frank Herbert' });
      const again = await post('/quick-add/', NEW_BOOK);
      expect(again.status).toBe(200);
      expect(again.text).toContain('<li>Book with this Slug already exists.</li>');
      expect(await books.count()).toBe(3);
    });

    it('builds the form of an update view without model from the object getObject() returns, and saves it', async () => {
      const page = await http.get('/by-slug/book-1/edit/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<input type="text" name="title" value="Book 01" required id="id_title">');
      const book = await books.findOneByOrFail({ slug: 'book-1' });
      const res = await post('/by-slug/book-1/edit/', { title: 'Renamed', slug: 'renamed' });
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(`/books/${book.id}/`);
      expect(await books.findOneByOrFail({ id: book.id })).toMatchObject({ title: 'Renamed', slug: 'renamed' });
      const taken = await post('/by-slug/renamed/edit/', { title: 'Renamed', slug: 'book-2' });
      expect(taken.status).toBe(200);
      expect(taken.text).toContain('<li>Book with this Slug already exists.</li>');
    });

    it('serves a view whose model is no entity but whose getObject() is its own, with the object’s form', async () => {
      const book = await books.findOneByOrFail({ slug: 'book-2' });
      const res = await post(`/legacy/${book.id}/edit/`, { title: 'From a legacy view' });
      expect(res.status).toBe(302);
      expect((await books.findOneByOrFail({ id: book.id })).title).toBe('From a legacy view');
    });
  }),
);
