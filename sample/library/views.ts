import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { BaseListView, ClassView, DetailView, httpDate, HttpResponse, JsonResponseMixin, ListView } from '../../src/index.js';
import { Book } from './book.entity.js';

/**
 * The list view: 20 books a page, newest first, rendered with `book_list.html`.
 * The JSON mixin answers a client whose `Accept` prefers `application/json` with the
 * same page as JSON; browsers get the template. `HEAD` only says when the newest book
 * came out, so a polling client can skip the download.
 */
@ClassView('books/', { name: 'book-list' })
export class BookListView extends JsonResponseMixin(ListView<Book>) {
  paginateBy = 20;
  ordering = ['-publicationDate'];

  constructor(@InjectRepository(Book) readonly books: Repository<Book>) {
    super();
  }

  getQueryset() {
    return this.books;
  }

  async head() {
    const [last] = await this.books.find({ order: { publicationDate: 'DESC' }, take: 1 });
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
  paginateBy = 20;
  ordering = ['-publicationDate'];
}
