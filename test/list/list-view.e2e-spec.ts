import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { InjectRepository } from '@nestjs/typeorm';
import { join } from 'node:path';
import type { Repository } from 'typeorm';
import {
  BaseListView,
  ClassView,
  DetailView,
  httpDate,
  HttpResponse,
  JsonResponseMixin,
  ListView,
  path,
} from '../../src/index.js';
import { describeEachDatabase } from '../utils/databases.js';
import { useTestAppOnDatabase } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';
import { Book, libraryImports, QueryCounter, seedBooks } from './library.js';

const counter = new QueryCounter();

/** The list view, as written. */
@ClassView('books/', { name: 'book-list' })
class BookListView extends ListView<Book> {
  paginateBy = 20;
  ordering = ['-publicationDate'];
  constructor(@InjectRepository(Book) readonly books: Repository<Book>) {
    super();
  }
  getQueryset() {
    return this.books;
  }
  async head() {
    const last = await this.books.findOne({ where: {}, order: { publicationDate: 'DESC' } });
    return new HttpResponse(null, { headers: { 'Last-Modified': httpDate(last!.publicationDate) } });
  }
}

@ClassView('books/<int:pk>/', { name: 'book-detail' })
class BookDetailView extends DetailView<Book> {
  model = Book;
  getEtag() {
    return this.object ? `book-${this.object.id}-${this.object.slug}` : null;
  }
}

/** A query builder keeps its filters; the list is Le Guin's only. */
@ClassView('le-guin/')
class LeGuinView extends ListView<Book> {
  paginateBy = 5;
  contextObjectName = 'shelf';
  templateName = 'shelf.html';
  ordering = 'title';
  constructor(@InjectRepository(Book) readonly books: Repository<Book>) {
    super();
  }
  getQueryset() {
    return this.books.createQueryBuilder('book').where('book.author = :author', { author: 'Le Guin' });
  }
}

@ClassView('recent/')
class RecentView extends ListView<Book> {
  model = Book;
  paginateBy = 10;
  getLastModified() {
    return new Date(Date.UTC(2001, 1, 14, 12, 0, 0));
  }
}

@ClassView('api/books/')
class BookApiView extends JsonResponseMixin(BaseListView) {
  model = Book;
  jsonFields = ['id', 'title'];
  paginateBy = 10;
  ordering = ['id'];
}

@ClassView('hybrid/')
class HybridView extends JsonResponseMixin(ListView) {
  model = Book;
  jsonFields = '__all__' as const;
  paginateBy = 2;
  ordering = ['id'];
}

@ClassView('empty/')
class EmptyListView extends ListView<number> {
  queryset = [];
  allowEmpty = false;
  templateName = 'numbers.html';
}

const numbers = Array.from({ length: 23 }, (_, i) => i + 1);

describeEachDatabase('ListView and DetailView', (database) =>
  describe.each(PLATFORMS)('%s', (platform) => {
    const served = useTestAppOnDatabase(platform, database, (connection) => ({
      imports: libraryImports(
        connection,
        {
          templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
          urlpatterns: [
            path(
              'numbers/',
              ListView.asView({ queryset: numbers, paginateBy: 10, paginateOrphans: 3, templateName: 'numbers.html' }),
            ),
            path(
              'numbers/page/<int:page>/',
              ListView.asView({ queryset: numbers, paginateBy: 10, templateName: 'numbers.html' }),
            ),
            path('nothing/', ListView.asView({ queryset: [], paginateBy: 10, templateName: 'numbers.html' })),
            path('all-numbers/', ListView.asView({ queryset: numbers, templateName: 'numbers.html' })),
            path('by-slug/<slug:slug>/', DetailView.asView({ model: Book })),
          ],
        },
        { logging: true, logger: counter },
      ),
      providers: [BookListView, BookDetailView, LeGuinView, RecentView, BookApiView, HybridView, EmptyListView],
    }));
    const { http } = served;
    beforeAll(async () => {
      await served.app.get<Repository<Book>>('BookRepository').save(seedBooks());
    });
    beforeEach(() => counter.reset());

    it('lists the first page, newest first, with Django’s context and the default <model>_list.html', async () => {
      const res = await http.get('/books/');
      expect(res.status).toBe(200);
      const titles = Array.from({ length: 20 }, (_, i) => `Book ${45 - i}|`).join('');
      expect(res.text.trim()).toBe(`count=45;page=1;pages=3;paginated=true;titles=${titles};same=true`);
    });

    it('runs one COUNT and one page query per page', async () => {
      await http.get('/books/?page=2');
      expect(counter.selects).toHaveLength(2);
      expect(counter.selects.filter((sql) => /COUNT\(/i.test(sql))).toHaveLength(1);
      expect(counter.selects.filter((sql) => /LIMIT 20 OFFSET 20/i.test(sql))).toHaveLength(1);
    });

    it('serves page "last"', async () => {
      expect((await http.get('/books/?page=last')).text).toContain('page=3;');
      expect((await http.get('/books/?page=last')).text).toContain('titles=Book 05|Book 04|Book 03|Book 02|Book 01|;');
    });

    it.each([
      ['0', 'Invalid page (0): That page number is less than 1'],
      ['4', 'Invalid page (4): That page contains no results'],
      ['abc', 'Page is not “last”, nor can it be converted to an int.'],
      ['LAST', 'Page is not “last”, nor can it be converted to an int.'],
      ['2.0', 'Page is not “last”, nor can it be converted to an int.'],
    ])('answers ?page=%s with 404 and Django’s message', async (page, message) => {
      const res = await http.get(`/books/?page=${page}`);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(message);
    });

    it('reports a page number too large for a double with its digits, as Django does', async () => {
      const res = await http.get('/books/?page=99999999999999999999999');
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('Invalid page (99999999999999999999999): That page contains no results');
    });

    it('reads page numbers as Python’s int() does (spaces, plus sign)', async () => {
      expect((await http.get('/books/?page=%202%20')).text).toContain('page=2;');
      expect((await http.get('/books/?page=%2B2')).text).toContain('page=2;');
    });

    it('takes the last of repeated ?page= values', async () => {
      expect((await http.get('/books/?page=1&page=2')).text).toContain('page=2;');
    });

    it('lets a page URL kwarg win over ?page=', async () => {
      expect((await http.get('/numbers/page/2/?page=3')).text.trim()).toBe('11,12,13,14,15,16,17,18,19,20,');
    });

    it('gives orphans to the last page', async () => {
      expect((await http.get('/numbers/?page=2')).text.trim()).toBe('11,12,13,14,15,16,17,18,19,20,21,22,23,');
      expect((await http.get('/numbers/?page=3')).status).toBe(404);
    });

    it('lists everything without paginateBy', async () => {
      expect((await http.get('/all-numbers/?page=9')).text.trim()).toBe(`${numbers.join(',')},`);
    });

    it('serves an empty list as one empty page, and 404s page 2', async () => {
      expect((await http.get('/nothing/')).status).toBe(200);
      expect((await http.get('/nothing/?page=last')).status).toBe(200);
      expect((await http.get('/nothing/?page=2')).status).toBe(404);
    });

    it('answers an empty list with allowEmpty false with 404', async () => {
      const res = await http.get('/empty/');
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('Empty list and “EmptyListView.allowEmpty” is False.');
    });

    it('keeps a query builder’s filters, counts and orders them', async () => {
      const res = await http.get('/le-guin/?page=2');
      expect(res.text.trim()).toBe('Book 16|Book 19|Book 22|Book 25|Book 28|');
      expect(counter.selects.some((sql) => /COUNT\(.*WHERE/is.test(sql))).toBe(true);
    });

    it('answers HEAD with the seed’s Last-Modified and no body', async () => {
      const res = await http.head('/books/');
      expect(res.status).toBe(200);
      expect(res.headers['last-modified']).toBe('Wed, 14 Feb 2001 00:00:00 GMT');
      expect(res.text).toBeUndefined();
    });

    it('answers If-Modified-Since with 304 and no body when nothing changed, without rendering', async () => {
      const res = await http.get('/recent/').set('If-Modified-Since', 'Wed, 14 Feb 2001 12:00:00 GMT');
      expect(res.status).toBe(304);
      expect(res.text ?? '').toBe('');
      expect(res.headers['content-length']).toBeUndefined();
      expect(res.headers['content-type']).toBeUndefined();
      expect(counter.selects.filter((sql) => /LIMIT/i.test(sql))).toHaveLength(0);
    });

    it('ignores an If-Modified-Since that is not an HTTP date', async () => {
      expect((await http.get('/recent/').set('If-Modified-Since', '3000')).status).toBe(200);
    });

    it('renders with Last-Modified when the client’s copy is older', async () => {
      const res = await http.get('/recent/').set('If-Modified-Since', 'Tue, 13 Feb 2001 12:00:00 GMT');
      expect(res.status).toBe(200);
      expect(res.headers['last-modified']).toBe('Wed, 14 Feb 2001 12:00:00 GMT');
    });

    it('shows a detail with <model>_detail.html, as object and <model>', async () => {
      const res = await http.get('/books/3/');
      expect(res.status).toBe(200);
      expect(res.text.trim()).toBe('Book 03|Book 03');
      expect(res.headers.etag).toBe('"book-3-book-3"');
    });

    it('answers If-None-Match with 304 on a detail', async () => {
      const res = await http.get('/books/3/').set('If-None-Match', '"book-3-book-3"');
      expect(res.status).toBe(304);
      expect(res.text ?? '').toBe('');
    });

    it('answers an unknown pk with 404 and Django’s message', async () => {
      const res = await http.get('/books/999/');
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('No book found matching the query');
    });

    it('answers a pk that does not convert with 404', async () => {
      expect((await http.get('/books/abc/')).status).toBe(404);
    });

    it('finds an object by slug', async () => {
      expect((await http.get('/by-slug/book-7/')).text.trim()).toBe('Book 07|Book 07');
      expect((await http.get('/by-slug/book-700/')).status).toBe(404);
    });

    it('serves a BaseListView with the JSON mixin as JSON with the page metadata', async () => {
      const res = await http.get('/api/books/?page=5');
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body.page).toEqual({
        number: 5,
        numPages: 5,
        count: 45,
        perPage: 10,
        hasNext: false,
        hasPrevious: true,
        startIndex: 41,
        endIndex: 45,
      });
      expect(res.body.object_list.map((b: Book) => b.id)).toEqual([41, 42, 43, 44, 45]);
    });

    it('answers JSON to a client that asks for it and HTML to a browser, from one view', async () => {
      const json = await http.get('/hybrid/').set('Accept', 'application/json');
      expect(json.body.object_list.map((b: Book) => b.title)).toEqual(['Book 01', 'Book 02']);
      const html = await http.get('/hybrid/').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html.text).toContain('titles=Book 01|Book 02|;');
      expect(html.headers.vary).toBe('Accept');
    });
  }),
);
