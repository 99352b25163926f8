import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Repository } from 'typeorm';
import { Book } from '../../sample/library/book.entity.js';
import { SEED_SIZE } from '../../sample/library/seed.js';
import { CSRF_HEADERS, csrfFrom } from '../utils/csrf.js';
import { PLATFORMS } from '../utils/platforms.js';
import { useSampleApp } from '../utils/sample-app.js';

/** The sample's create, edit and delete pages, on an in-memory database of their own. */
describe.each(PLATFORMS)('sample book library editing on %s', (platform) => {
  const served = useSampleApp(platform);
  const { http } = served;
  let books: Repository<Book>;

  beforeAll(() => {
    books = served.app.get<Repository<Book>>('BookRepository');
  });

  /** The `messages` cookie a response set, for the next request's `Cookie` header. */
  const messagesCookie = (res: { headers: Record<string, unknown> }) =>
    ([] as string[])
      .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
      .find((line) => line.startsWith('messages='))!
      .split(';')[0]!;
  const post = (url: string, values: Record<string, string>) =>
    http.post(url).set(CSRF_HEADERS).type('form').send(new URLSearchParams(values).toString());

  it('links the create page from the list, and edit and delete from a book’s page', async () => {
    expect((await http.get('/books/')).text).toContain('<a href="/books/new/">Add a book</a>');
    const detail = await http.get('/books/3/');
    expect(detail.text).toContain('<a href="/books/3/edit/">Edit</a> <a href="/books/3/delete/">Delete</a>');
  });

  it('creates a book with the token of the form page, and shows it', async () => {
    const page = await http.get('/books/new/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<input type="text" name="title" required id="id_title">');
    expect(page.text).toMatch(/<input type="hidden" name="csrfmiddlewaretoken" value="[A-Za-z0-9]+">/);
    const csrf = await csrfFrom(served.app, '/books/new/');
    const values = {
      title: 'Kindred',
      author: 'Octavia Butler',
      slug: 'kindred',
      publicationDate: '1979-06-01T00:00',
      ...csrf.field,
    };
    const res = await http
      .post('/books/new/')
      .set('Cookie', csrf.cookie)
      .type('form')
      .send(new URLSearchParams(values).toString());
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/books/${SEED_SIZE + 1}/`);
    expect((await http.get(res.headers.location!)).text).toContain('<h1>Kindred</h1>');
  });

  it('says once, on the next page, that the book was added', async () => {
    const values = {
      title: 'Parable of the Sower',
      author: 'Octavia Butler',
      slug: 'parable-sower',
      publicationDate: '1993-10-01T00:00',
    };
    const res = await post('/books/new/', values);
    expect(res.status).toBe(302);
    const page = await http.get(res.headers.location!).set('Cookie', messagesCookie(res));
    expect(page.text).toContain('<li class="success">“Parable of the Sower” was added.</li>');
    // The page showed it: its response clears the cookie, so the next page has none.
    expect(page.headers['set-cookie']).toEqual([
      expect.stringMatching(/^messages=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0/),
    ]);
    expect((await http.get(res.headers.location!)).text).not.toContain('class="messages"');
  });

  it('refuses a create without the CSRF token with 403, and stores nothing', async () => {
    const count = await books.count();
    const res = await http
      .post('/books/new/')
      .type('form')
      .send('title=Forged&author=X&slug=forged&publicationDate=2000-01-01T00:00');
    expect(res.status).toBe(403);
    expect(await books.count()).toBe(count);
    expect(await books.findOneBy({ slug: 'forged' })).toBeNull();
  });

  it('shows the errors of an invalid book and stores nothing', async () => {
    const count = await books.count();
    const res = await post('/books/new/', {
      title: '',
      author: 'X',
      slug: 'the-silent-river',
      publicationDate: 'soon',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<ul class="errorlist"><li>This field is required.</li></ul>');
    expect(res.text).toContain('<ul class="errorlist"><li>Book with this Slug already exists.</li></ul>');
    expect(res.text).toContain('<ul class="errorlist"><li>Enter a valid date/time.</li></ul>');
    expect(await books.count()).toBe(count);
  });

  it('edits a book, its form showing the current values', async () => {
    const page = await http.get('/books/2/edit/');
    const book = await books.findOneByOrFail({ id: 2 });
    expect(page.text).toContain(`value="${book.publicationDate.toISOString().slice(0, 16)}"`);
    const res = await post('/books/2/edit/', {
      title: 'Renamed',
      author: book.author,
      slug: book.slug,
      publicationDate: '2000-01-01T12:30',
    });
    expect(res.status).toBe(302);
    expect(await books.findOneByOrFail({ id: 2 })).toMatchObject({
      title: 'Renamed',
      slug: book.slug,
      publicationDate: new Date('2000-01-01T12:30:00Z'),
    });
    expect((await http.get(res.headers.location!).set('Cookie', messagesCookie(res))).text).toContain(
      '<li class="success">“Renamed” was saved.</li>',
    );
  });

  it('deletes a book after confirmation', async () => {
    const book = await books.findOneByOrFail({ id: 4 });
    expect((await http.get('/books/4/delete/')).text).toContain('Yes, delete it');
    const res = await post('/books/4/delete/', {});
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/books/');
    expect(await books.findOneBy({ id: 4 })).toBeNull();
    expect((await http.get('/books/4/')).status).toBe(404);
    // The form is empty: the title comes from the book, read before it was deleted.
    expect((await http.get('/books/').set('Cookie', messagesCookie(res))).text).toContain(
      `<li class="success">“${book.title}” was deleted.</li>`,
    );
  });
});
