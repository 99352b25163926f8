import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Repository } from 'typeorm';
import { escapeHtml } from '../../sample/html.js';
import { Book } from '../../sample/library/book.entity.js';
import { generateBooks, SEED_SIZE } from '../../sample/library/seed.js';
import { httpDate } from '../../src/index.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../utils/databases.js';
import { useStartedApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';
import { createSampleApp } from '../utils/sample-app.js';
import { CSRF_HEADERS } from '../utils/csrf.js';

const seed = generateBooks();
/** The seed, newest first, as the list views order it. */
const newestFirst = [...seed].sort((a, b) => b.publicationDate.getTime() - a.publicationDate.getTime());
const rows = (html: string) => html.match(/<tr><td>.*?<\/tr>/g) ?? [];

describeEachDatabase('sample app', (database) =>
  describe.each(PLATFORMS)('%s', (platform) => {
    let db: TestDatabase;
    const { http } = useStartedApp(
      async () => {
        // An in-memory database (or a fresh PostgreSQL one), seeded at start-up like the file the sample uses.
        db = await createTestDatabase(database);
        return createSampleApp(platform, db.options.type === 'postgres' ? db.options.url! : 'memory');
      },
      { afterClose: () => db?.drop() },
    );

    it('serves a home page, rendered from home.html, linking to every other page', async () => {
      const res = await http.get('/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const pages = [
        '/hello/',
        '/hi/',
        '/async/',
        '/greet/ada/',
        '/staff/',
        '/about/',
        '/about-inline/',
        '/go/dune/?x=%E2%9C%93',
      ];
      pages.push('/articles/dune/', '/old-home/', '/books/', '/books/?page=last', '/books/1/', '/api/books/');
      for (const href of pages) expect(res.text).toContain(`href="${href}"`);
      expect(res.text).toContain('<a href="/" aria-current="page">Home</a>');
    });

    it('renders the AboutView subclass with its base layout and extra context', async () => {
      const res = await http.get('/about/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<title>About</title>');
      expect(res.text).toContain('<ul><li>Ada</li><li>Linus</li></ul>');
      expect(res.text).toContain('<a href="/about/" aria-current="page">About</a>');
      expect(res.text).toContain('<a href="/books/">Books</a>');
    });

    it('renders TemplateView.asView({ templateName }) from the URLconf, without the subclass’s context', async () => {
      const res = await http.get('/about-inline/');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>About</title>');
      expect(res.text).not.toContain('<li>Ada</li>');
    });

    it('redirects /go/<slug>/ to the article with the query string kept exactly', async () => {
      const res = await http.get('/go/dune/?x=%E2%9C%93');
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/articles/dune/?x=%E2%9C%93');
      const article = await http.get(res.headers.location!);
      expect(article.status).toBe(200);
      expect(article.text).toContain('<h1>Article: dune</h1>');
    });

    it('redirects /old-home/ permanently to the route named home', async () => {
      const res = await http.get('/old-home/');
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe('/');
    });

    it('lists 20 books, newest first, with links to their details and to the other pages', async () => {
      const res = await http.get('/books/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers.vary).toBe('HX-Request, HX-Boosted, HX-History-Restore-Request, Accept');
      const listed = rows(res.text);
      expect(listed).toHaveLength(20);
      expect(listed[0]).toContain(`>${newestFirst[0]!.title}</a>`);
      expect(listed[0]).toContain(`<td>${newestFirst[0]!.publicationDate.toISOString().slice(0, 10)}</td>`);
      expect(listed[0]).toContain(`href="/books/${SEED_SIZE}/"`);
      expect(res.text).toContain(`Books 1–20 of ${SEED_SIZE}, newest first.`);
      expect(res.text).toContain('<span aria-current="page">1</span>');
      expect(res.text).toContain('<span>…</span>');
      expect(res.text).toContain('<a href="?page=12" hx-get="?page=12">12</a>');
      expect(res.text).toContain('<a href="?page=2" hx-get="?page=2" rel="next">next</a>');
      expect(res.text).not.toContain('rel="prev"');
    });

    it('serves page "last", ending with the oldest book', async () => {
      const res = await http.get('/books/?page=last');
      expect(res.status).toBe(200);
      const listed = rows(res.text);
      expect(listed).toHaveLength(20);
      expect(listed.at(-1)).toContain(`>${seed[0]!.title}</a>`);
      expect(res.text).toContain('<span aria-current="page">12</span>');
      expect(res.text).toContain('<a href="?page=11" hx-get="?page=11" rel="prev">previous</a>');
      expect(res.text).not.toContain('rel="next"');
    });

    it('searches the titles with ?q=, LIKE wildcards taken as they are, keeping q in the pager', async () => {
      const word = seed[0]!.title.split(' ')[1]!;
      const matching = newestFirst.filter((book) => book.title.toLowerCase().includes(word.toLowerCase()));
      const res = await http.get(`/books/?q=${encodeURIComponent(` ${word.toUpperCase()} `)}`);
      expect(res.status).toBe(200);
      expect(rows(res.text)).toHaveLength(Math.min(20, matching.length));
      expect(rows(res.text)[0]).toContain(`>${escapeHtml(matching[0]!.title)}</a>`);
      expect(res.text).toContain(`of ${matching.length}, newest first.`);
      expect((await http.get('/books/?q=%25')).text).toContain('<tbody>\n  \n  </tbody>');
    });

    it('gives htmx only the results block of the list, varying on the htmx headers', async () => {
      const res = await http.get('/books/?page=2').set('HX-Request', 'true');
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('<h1>');
      expect(res.text.trim().startsWith(`<p>Books 21–40 of ${SEED_SIZE}, newest first.</p>`)).toBe(true);
      expect(rows(res.text)).toHaveLength(20);
      expect(res.headers.vary).toContain('HX-Request');
      const page = await http.get('/books/?page=2');
      expect(page.text).toContain('<h1>Books</h1>');
      expect(page.text).toContain(res.text.trim());
    });

    it('serves htmx from the app, with no network', async () => {
      const res = await http.get('/static/htmx.min.js');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.text).toContain('htmx');
      expect((await http.get('/books/')).text).toContain('<script src="/static/htmx.min.js" defer></script>');
    });

    it('keeps the other query parameters in the pager’s links (querystring())', async () => {
      const res = await http.get('/books/?page=2&sort=old+first&tag=a&tag=b');
      expect(res.status).toBe(200);
      expect(res.text).toContain(
        '<a href="?page=1&amp;sort=old+first&amp;tag=a&amp;tag=b" hx-get="?page=1&amp;sort=old+first&amp;tag=a&amp;tag=b" rel="prev">previous</a>',
      );
      expect(res.text).toContain(
        '<a href="?page=3&amp;sort=old+first&amp;tag=a&amp;tag=b" hx-get="?page=3&amp;sort=old+first&amp;tag=a&amp;tag=b" rel="next">next</a>',
      );
      expect(res.text).toContain(
        '<a href="?page=12&amp;sort=old+first&amp;tag=a&amp;tag=b" hx-get="?page=12&amp;sort=old+first&amp;tag=a&amp;tag=b">12</a>',
      );
    });

    it.each([
      ['0', 'Invalid page (0): That page number is less than 1'],
      ['13', 'Invalid page (13): That page contains no results'],
      ['two', 'Page is not “last”, nor can it be converted to an int.'],
    ])('answers /books/?page=%s with 404 and Django’s message, in 404.html or in JSON', async (page, message) => {
      const res = await http.get(`/books/?page=${page}`);
      expect(res.status).toBe(404);
      expect(res.text).toContain('<h1>Page not found</h1>');
      expect(res.text).toContain(`<p class="errorlist">${escapeHtml(message)}</p>`);
      const json = await http.get(`/books/?page=${page}`).set('Accept', 'application/json');
      expect(json.body.message).toBe(message);
    });

    it('answers HEAD /books/ with the newest book’s date as Last-Modified and no body', async () => {
      const res = await http.head('/books/');
      expect(res.status).toBe(200);
      expect(res.headers['last-modified']).toBe(httpDate(newestFirst[0]!.publicationDate));
      expect(res.text).toBeUndefined();
    });

    it('shows a book with book_detail.html, its publication date as Last-Modified', async () => {
      const res = await http.get('/books/1/');
      expect(res.status).toBe(200);
      expect(res.text).toContain(`<title>${escapeHtml(seed[0]!.title)}</title>`);
      expect(res.text).toContain(`<dd>${escapeHtml(seed[0]!.author)}</dd>`);
      expect(res.headers['last-modified']).toBe(httpDate(seed[0]!.publicationDate));
      const again = await http.get('/books/1/').set('If-Modified-Since', res.headers['last-modified']!);
      expect(again.status).toBe(304);
    });

    it('answers an unknown book with 404', async () => {
      const res = await http.get('/books/99999/').set('Accept', 'application/json');
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('No book found matching the query');
    });

    it('answers /books/ with JSON when the client asks for it', async () => {
      const res = await http.get('/books/').set('Accept', 'application/json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers.vary).toBe('Accept');
      expect(res.body.object_list).toHaveLength(20);
      expect(res.body.object_list[0]).toEqual({
        id: SEED_SIZE,
        ...newestFirst[0],
        publicationDate: newestFirst[0]!.publicationDate.toISOString(),
      });
      expect(res.body.page).toMatchObject({ number: 1, numPages: 12, count: SEED_SIZE, perPage: 20, hasNext: true });
    });

    it('serves the JSON API, 20 books a page, newest first', async () => {
      const res = await http.get('/api/books/?page=2');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body.object_list.map((book: Book) => book.title)).toEqual(
        newestFirst.slice(20, 40).map((book) => book.title),
      );
      expect(res.body.page).toMatchObject({ number: 2, startIndex: 21, endIndex: 40, hasPrevious: true });
    });

    describe('book archive', () => {
      /** The books a page lists, as `title|author|yyyy-mm-dd` from its `<ul class="books">`. */
      const listed = (html: string) =>
        [...html.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a>, [^,]+, (\d{4}-\d\d-\d\d)<\/li>/g)].map(
          ([, href, title, date]) => `${href} ${title} ${date}`,
        );
      const link = (html: string, rel: 'prev' | 'next') =>
        html.match(new RegExp(`<a href="([^"]+)" rel="${rel}">([^<]+)</a>`))?.slice(1) ?? null;
      /** The seed's books of one UTC calendar date, oldest first. */
      const booksOn = (date: string) => seed.filter((book) => book.publicationDate.toISOString().startsWith(date));

      it('links the archive, a month, a week and a day from the home page', async () => {
        const res = await http.get('/');
        for (const href of [
          '/books/archive/',
          '/books/archive/1990/03/',
          '/books/archive/1990/week/10/',
          '/books/archive/1990/03/10/',
        ]) {
          expect(res.text).toContain(`href="${href}"`);
        }
      });

      it('lists the years that have books, newest first, and the ten latest books at /books/archive/', async () => {
        const res = await http.get('/books/archive/');
        expect(res.status).toBe(200);
        expect(res.text).toContain('<title>Book archive</title>');
        const years = [...res.text.matchAll(/<li><a href="\/books\/archive\/(\d{4})\/">\1<\/a><\/li>/g)].map(
          ([, year]) => Number(year),
        );
        const seededYears = [...new Set(newestFirst.map((book) => book.publicationDate.getUTCFullYear()))];
        expect(years).toEqual(seededYears);
        expect(years[0]).toBe(2019);
        expect(years.at(-1)).toBe(1980);
        const latest = listed(res.text);
        expect(latest).toHaveLength(10);
        const newest = newestFirst[0]!;
        const date = newest.publicationDate.toISOString().slice(0, 10);
        expect(latest[0]).toBe(
          `/books/archive/${date.replaceAll('-', '/')}/${newest.slug}/ ${escapeHtml(newest.title)} ${date}`,
        );
      });

      it('shows a year’s months that have books, linked, with the years before and after', async () => {
        const res = await http.get('/books/archive/1990/');
        expect(res.status).toBe(200);
        expect(res.text).toContain('<h1>Books of 1990</h1>');
        // March holds three books; May and July are empty since two of their books moved into March.
        const months = [...res.text.matchAll(/<li><a href="(\/books\/archive\/1990\/\d\d\/)">(\w+)<\/a><\/li>/g)].map(
          ([, href, name]) => `${href} ${name}`,
        );
        expect(months).toEqual([
          '/books/archive/1990/01/ January',
          '/books/archive/1990/03/ March',
          '/books/archive/1990/09/ September',
          '/books/archive/1990/11/ November',
        ]);
        expect(link(res.text, 'prev')).toEqual(['/books/archive/1989/', '1989']);
        expect(link(res.text, 'next')).toEqual(['/books/archive/1991/', '1991']);
      });

      it('shows a month’s days and books, each book linked to its date detail page', async () => {
        const res = await http.get('/books/archive/1990/03/');
        expect(res.status).toBe(200);
        expect(res.text).toContain('<h1>Books of March 1990</h1>');
        expect(res.text).toContain(
          '<p>Days: <a href="/books/archive/1990/03/10/">10</a>, <a href="/books/archive/1990/03/21/">21</a></p>',
        );
        const march = [...booksOn('1990-03-10'), ...booksOn('1990-03-21')].reverse();
        expect(march).toHaveLength(3);
        expect(listed(res.text)).toEqual(
          march.map((book) => {
            const date = book.publicationDate.toISOString().slice(0, 10);
            return `/books/archive/${date.replaceAll('-', '/')}/${book.slug}/ ${book.title} ${date}`;
          }),
        );
      });

      it('links a month to the nearest months with books, skipping the empty ones', async () => {
        const res = await http.get('/books/archive/1990/03/');
        expect(link(res.text, 'prev')).toEqual(['/books/archive/1990/01/', 'January 1990']);
        expect(link(res.text, 'next')).toEqual(['/books/archive/1990/09/', 'September 1990']);
        // The first month has no previous link, and the last no next one.
        expect(link((await http.get('/books/archive/1980/01/')).text, 'prev')).toBeNull();
        const last = newestFirst[0]!.publicationDate;
        const lastMonth = await http.get(
          `/books/archive/${last.getUTCFullYear()}/${String(last.getUTCMonth() + 1).padStart(2, '0')}/`,
        );
        expect(lastMonth.status).toBe(200);
        expect(link(lastMonth.text, 'next')).toBeNull();
      });

      it('shows an ISO week’s books, with the nearest weeks that have books', async () => {
        const res = await http.get('/books/archive/1990/week/10/');
        expect(res.status).toBe(200);
        expect(res.text).toContain('<h1>Books of week 10, 1990</h1>');
        expect(res.text).toContain('<p>From Monday 5 March 1990.</p>');
        expect(listed(res.text).map((line) => line.split(' ')[0])).toEqual(
          booksOn('1990-03-10')
            .reverse()
            .map((book) => `/books/archive/1990/03/10/${book.slug}/`),
        );
        // 8 January 1990 is the Monday of week 2; 21 March is in week 12.
        expect(link(res.text, 'prev')).toEqual(['/books/archive/1990/week/2/', 'Week 2, 1990']);
        expect(link(res.text, 'next')).toEqual(['/books/archive/1990/week/12/', 'Week 12, 1990']);
      });

      it('shows a day’s books, linked to their date detail pages, with the nearest days that have books', async () => {
        const res = await http.get('/books/archive/1990/03/10/');
        expect(res.status).toBe(200);
        expect(res.text).toContain('<h1>Books of 10 March 1990</h1>');
        const day = booksOn('1990-03-10');
        expect(day).toHaveLength(2);
        expect(listed(res.text)).toEqual(
          day.reverse().map((book) => `/books/archive/1990/03/10/${book.slug}/ ${book.title} 1990-03-10`),
        );
        expect(link(res.text, 'prev')).toEqual(['/books/archive/1990/01/08/', '8 January 1990']);
        expect(link(res.text, 'next')).toEqual(['/books/archive/1990/03/21/', '21 March 1990']);
        expect(res.text).toContain('<a href="/books/archive/1990/03/">All of March 1990</a>');
      });

      it('shows a book at its date and slug, the page of /books/<pk>/', async () => {
        const [book] = booksOn('1990-03-21');
        const res = await http.get(`/books/archive/1990/03/21/${book!.slug}/`);
        expect(res.status).toBe(200);
        expect(res.text).toContain(`<h1>${escapeHtml(book!.title)}</h1>`);
        expect(res.text).toContain('<dt>Published</dt><dd>1990-03-21</dd>');
        expect(res.text).toContain(`<a href="/books/${seed.indexOf(book!) + 1}/edit/">Edit</a>`);
      });

      it.each([
        ['an empty month', '/books/archive/1990/05/', 'No books available'],
        ['an empty day', '/books/archive/1990/03/11/', 'No books available'],
        ['an empty week', '/books/archive/1990/week/11/', 'No books available'],
        ['a year without books', '/books/archive/1975/', 'No books available'],
        ['a future year', '/books/archive/2100/', 'No books available'],
        ['a future month', '/books/archive/2100/01/', 'No books available'],
        [
          'a future book',
          '/books/archive/2100/01/01/the-silent-river/',
          'Future books not available because BookDateDetailView.allowFuture is False.',
        ],
        ['a book at another date', `/books/archive/1990/03/21/${seed[0]!.slug}/`, 'No book found matching the query'],
        [
          'a month that does not exist',
          '/books/archive/1990/13/',
          'Invalid date string “1990__13__” given format “%Y__%m__”',
        ],
      ])('answers %s with 404 (%s)', async (_name, url, message) => {
        // A JSON client gets Django's message; a browser gets the sample's 404 page.
        const res = await http.get(url).set('Accept', 'application/json');
        expect(res.status).toBe(404);
        expect(res.body.message).toBe(message);
        const page = await http.get(url);
        expect(page.status).toBe(404);
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      });
    });

    it('serves the hello view', async () => {
      const res = await http.get('/hello/');
      expect(res.status).toBe(200);
      expect(res.text).toBe('Hello');
    });

    it('redirects /hello to /hello/ with a 301, keeping the query string', async () => {
      const res = await http.get('/hello?x=1');
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe('/hello/?x=1');
    });

    it('serves the async view', async () => {
      const res = await http.get('/async/');
      expect(res.status).toBe(200);
      expect(res.text).toBe('Hello async world!');
    });

    it('serves the URLconf route with its asView() override', async () => {
      const res = await http.get('/hi/');
      expect(res.status).toBe(200);
      expect(res.text).toBe('Hi');
    });

    it('refuses the staff page without the header', async () => {
      const res = await http.get('/staff/');
      expect(res.status).toBe(403);
    });

    it('greets the user the guard attached', async () => {
      const res = await http.get('/staff/').set('X-Staff', 'yes');
      expect(res.status).toBe(200);
      expect(res.text).toBe('Hello, staff');
    });

    it('greets the name captured from the URL', async () => {
      const res = await http.get('/greet/ada/');
      expect(res.status).toBe(200);
      expect(res.text).toBe('Hello, ada');
    });

    it('answers 404 for a name that is not a slug', async () => {
      expect((await http.get('/greet/%3Cb%3E/')).status).toBe(404);
    });

    it('answers POST to a GET-only view with 405 and Allow', async () => {
      const res = await http.post('/hello/').set(CSRF_HEADERS);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    });

    it('answers unknown paths with the styled 404.html, and JSON clients with Nest’s 404', async () => {
      const res = await http.get('/nowhere/').set('Accept', 'text/html');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<title>Page not found</title>');
      expect(res.text).toContain('<p>There is nothing at <code>/nowhere/</code>.</p>');
      expect(res.text).toContain('<a href="/books/">Books</a>');
      const json = await http.get('/nowhere/').set('Accept', 'application/json');
      expect(json.body).toMatchObject({ statusCode: 404 });
    });

    it('answers the guarded view’s refusal with the styled 403.html', async () => {
      const res = await http.get('/staff/').set('Accept', 'text/html');
      expect(res.status).toBe(403);
      expect(res.text).toContain('<title>Forbidden</title>');
      expect(res.text).toContain('<p class="errorlist">Forbidden resource</p>');
    });
  }),
);

describe('sample library database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cv-sample-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the same books every time, with distinct titles, slugs and dates', () => {
    expect(generateBooks()).toEqual(seed);
    expect(seed.length).toBeGreaterThanOrEqual(120);
    for (const key of ['title', 'slug', 'publicationDate'] as const) {
      expect(new Set(seed.map((book) => String(book[key]))).size).toBe(seed.length);
    }
  });

  it('answers HEAD /books/ without Last-Modified when the table is empty, instead of a 500', async () => {
    const app = await createSampleApp('express');
    try {
      await app.get<Repository<Book>>('BookRepository').clear();
      const res = await request(app.getHttpServer()).head('/books/');
      expect(res.status).toBe(200);
      expect(res.headers['last-modified']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('creates and seeds the SQLite file on first start, and does not seed it again', async () => {
    const file = join(dir, 'nested', 'library.sqlite');
    const count = async () => {
      const app = await createSampleApp('express', file);
      try {
        return await app.get<Repository<Book>>('BookRepository').count();
      } finally {
        await app.close();
      }
    };
    expect(await count()).toBe(SEED_SIZE);
    expect(existsSync(file)).toBe(true);
    expect(await count()).toBe(SEED_SIZE);
  });
});

describe('sample HTML escaping', () => {
  it('escapes the characters that could open markup or close an attribute', () => {
    expect(escapeHtml(`<b class="x">Tom & Jerry's</b>`)).toBe(
      '&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;',
    );
  });
});
