import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  BaseListView,
  ClassView,
  CreateView,
  DeleteView,
  DetailView,
  httpDate,
  HttpResponse,
  JsonResponseMixin,
  ListView,
  rethrowDatabaseError,
  SuccessMessageMixin,
  UpdateView,
} from '../../src/index.js';
import { Book } from './book.entity.js';

/**
 * The issue's list view: 20 books a page, newest first, rendered with `book_list.html`,
 * `?q=` searching the titles. htmx (the pager and the search box) gets only the results
 * block of the same template. The JSON mixin answers a client whose `Accept` prefers
 * `application/json` with the same page as JSON; browsers get the template. `HEAD` only
 * says when the newest book came out, so a polling client can skip the download.
 */
@ClassView('books/', { name: 'book-list' })
export class BookListView extends JsonResponseMixin(ListView<Book>) {
  jsonFields = ['id', 'title', 'author', 'slug', 'publicationDate'];
  paginateBy = 20;
  ordering = ['-publicationDate'];
  htmxTemplateName = 'book_list.html#results';

  constructor(@InjectRepository(Book) readonly books: Repository<Book>) {
    super();
  }

  getQueryset() {
    const q = this.request.query.get('q')?.trim();
    if (!q) return this.books;
    // LIKE's own wildcards in the search are searched for as they are.
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.books
      .createQueryBuilder('book')
      .where("LOWER(book.title) LIKE LOWER(:pattern) ESCAPE '\\'", { pattern });
  }

  async head() {
    // A query of the view's own: rethrowDatabaseError answers 503 while the database is away, as the list does.
    const [last] = await this.books.find({ order: { publicationDate: 'DESC' }, take: 1 }).catch(rethrowDatabaseError);
    // An empty table has no date to give: answer without Last-Modified.
    return new HttpResponse(null, { headers: last ? { 'Last-Modified': httpDate(last.publicationDate) } : {} });
  }
}

/**
 * One book by its primary key, rendered with `book_detail.html`. Its publication date is
 * its `Last-Modified`, so a client sending `If-Modified-Since` gets a 304.
 */
@ClassView('books/<int:pk>/', { name: 'book-detail' })
export class BookDetailView extends DetailView<Book> {
  model = Book;

  getLastModified() {
    return this.object?.publicationDate ?? null;
  }
}

/** The API client's endpoint: always JSON, `{ object_list, page }`, 20 books a page. */
@ClassView('api/books/', { name: 'book-api' })
export class BookApiView extends JsonResponseMixin(BaseListView<Book>) {
  model = Book;
  jsonFields = ['id', 'title', 'author', 'publicationDate'];
  paginateBy = 20;
  ordering = ['-publicationDate'];
}

/**
 * The fields a visitor edits; `publicationDate` is a `datetime` column, so a `datetime-local`
 * input. `as const` lets the compiler check each name against `Book`.
 */
const BOOK_FIELDS = ['title', 'author', 'slug', 'publicationDate'] as const;

/**
 * A new book: the form is built from the entity's columns, re-shown with its errors
 * until it is valid (a taken slug included), then the book is stored and the visitor
 * sent to its page, which says so once (a message, listed by `base.html`). Rendered with
 * `book_form.html`.
 */
@ClassView('books/new/', { name: 'book-create' })
export class BookCreateView extends SuccessMessageMixin(CreateView<Book>) {
  model = Book;
  fields = BOOK_FIELDS;
  successUrl = '/books/{id}/';
  successMessage = '“%(title)s” was added.';
}

/** Edit a book (404 when there is none), with the same template as the create view. */
@ClassView('books/<int:pk>/edit/', { name: 'book-update' })
export class BookUpdateView extends SuccessMessageMixin(UpdateView<Book>) {
  model = Book;
  fields = BOOK_FIELDS;
  successUrl = '/books/{id}/';
  successMessage = '“%(title)s” was saved.';
}

/** Ask, then delete a book (`book_confirm_delete.html`); back to the list afterwards. */
@ClassView('books/<int:pk>/delete/', { name: 'book-delete' })
export class BookDeleteView extends SuccessMessageMixin(DeleteView<Book>) {
  model = Book;
  successUrl = '/books/';
  // The confirmation form is empty: a DeleteView fills the placeholders from the book.
  successMessage = '“%(title)s” was deleted.';
}
