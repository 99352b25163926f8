import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource, type Repository } from 'typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ClassView,
  ClassViewsModule,
  CreateView,
  DetailView,
  httpDate,
  HttpResponse,
  ListView,
  rethrowDatabaseError,
  UpdateView,
} from '../../src/index.js';
import { Book, seedBooks } from '../list/library.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { PG_SKIP_REASON, PG_URL } from '../utils/databases.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';
import { freePort } from '../utils/ports.js';
import { PingView } from '../views.js';

@ClassView('books/')
class BookListView extends ListView<Book> {
  model = Book;
  paginateBy = 20;
  ordering = ['id'];
  templateName = 'book_list.html';

  constructor(@InjectRepository(Book) readonly books: Repository<Book>) {
    super();
  }

  /** A query of the view's own, through rethrowDatabaseError. */
  async head() {
    const last = await this.books
      .findOne({ where: {}, order: { publicationDate: 'DESC' } })
      .catch(rethrowDatabaseError);
    return new HttpResponse(null, { headers: { 'Last-Modified': httpDate(last!.publicationDate) } });
  }
}

@ClassView('books/<int:pk>/')
class BookDetailView extends DetailView<Book> {
  model = Book;
  templateName = 'book_detail.html';
}

const FIELDS = ['title', 'author', 'slug', 'publicationDate'] as const;

@ClassView('books/new/')
class BookCreateView extends CreateView<Book> {
  model = Book;
  fields = FIELDS;
  successUrl = '/books/{id}/';
}

@ClassView('books/<int:pk>/edit/')
class BookUpdateView extends UpdateView<Book> {
  model = Book;
  fields = ['title'] as const;
  successUrl = '/books/{id}/';
}

/** The 503 a list or detail view answers while the database is away: Nest's shape, nothing of the query. */
const UNAVAILABLE = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'The database is unavailable. Please try again shortly.',
};

/** Start the app on `platform` with `options`, seeded with 45 books. */
async function startApp(
  platform: (typeof PLATFORMS)[number],
  options: TypeOrmModuleOptions,
): Promise<INestApplication> {
  const app = await createApp(platform, {
    imports: [
      TypeOrmModule.forRoot({ ...options, entities: [Book], synchronize: true } as TypeOrmModuleOptions),
      TypeOrmModule.forFeature([Book]),
      ClassViewsModule.forRoot({
        templates: {
          dirs: [join(import.meta.dirname, '../list/fixtures'), join(import.meta.dirname, '../edit/fixtures')],
        },
        imports: [TypeOrmModule.forFeature([Book])],
      }),
    ],
    providers: [BookListView, BookCreateView, BookDetailView, BookUpdateView, PingView],
  });
  const books = app.get<Repository<Book>>('BookRepository');
  if ((await books.count()) === 0) await books.save(seedBooks());
  return app;
}

/** A form post as a browser sends it, with a CSRF token. */
const post = (http: ReturnType<typeof request>, url: string, values: Record<string, string>) =>
  http
    .post(url)
    .set(CSRF_HEADERS)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(new URLSearchParams(values).toString());

const NEW_BOOK = {
  title: 'The Dispossessed',
  author: 'Ursula K. Le Guin',
  slug: 'dispossessed',
  publicationDate: '1974-05-01T00:00',
};

/** The clean 503, without anything of the query, the driver, a stack or a path. */
function expectUnavailableAnswer(res: request.Response): void {
  expect(res.status).toBe(503);
  expect(res.body).toEqual(UNAVAILABLE);
  expect(res.text).not.toMatch(/SELECT|INSERT|UPDATE|ECONN|terminat|memory|\bat \w|\/tmp|\.ts\b|\.js\b/i);
}

async function expectUnavailable(http: ReturnType<typeof request>, url: string): Promise<void> {
  expectUnavailableAnswer(await http.get(url));
}

/** List, detail, create and edit views answer 503 while the database is away; views without it keep serving. */
async function expectOutage(http: ReturnType<typeof request>): Promise<void> {
  await expectUnavailable(http, '/books/');
  await expectUnavailable(http, '/books/?page=2');
  await expectUnavailable(http, '/books/3/');
  await expectUnavailable(http, '/books/3/edit/');
  expectUnavailableAnswer(await post(http, '/books/new/', NEW_BOOK));
  expectUnavailableAnswer(await post(http, '/books/3/edit/', { title: 'Renamed' }));
  const ping = await http.get('/ping/');
  expect([ping.status, ping.text]).toEqual([200, 'pong']);
  // The create form itself needs no database.
  expect((await http.get('/books/new/')).status).toBe(200);
}

/** After the outage: nothing the failed posts sent was stored, and creating and editing work again. */
async function expectWritesBack(http: ReturnType<typeof request>, books: Repository<Book>): Promise<void> {
  expect(await books.count()).toBe(45);
  expect((await books.findOneByOrFail({ id: 3 })).title).toBe('Book 03');
  const created = await post(http, '/books/new/', NEW_BOOK);
  expect(created.status).toBe(302);
  expect(await books.countBy({ slug: 'dispossessed' })).toBe(1);
  expect((await post(http, '/books/3/edit/', { title: 'Renamed' })).status).toBe(302);
  expect((await books.findOneByOrFail({ id: 3 })).title).toBe('Renamed');
  // Back as it was, for the next test.
  await books.delete({ slug: 'dispossessed' });
  await books.update({ id: 3 }, { title: 'Book 03' });
}

async function expectServing(http: ReturnType<typeof request>): Promise<void> {
  const list = await http.get('/books/');
  expect(list.status).toBe(200);
  expect(list.text).toContain('count=45;page=1;pages=3;');
  expect((await http.head('/books/')).status).toBe(200);
  const detail = await http.get('/books/3/');
  expect(detail.status).toBe(200);
  expect(detail.text.trim()).toBe('Book 03|Book 03');
}

describe.each(PLATFORMS)('the database goes away: SQLite (sql.js) on %s', (platform) => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let dataSource: DataSource;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'class-views-faults-'));
    app = await startApp(platform, { type: 'sqljs', location: join(dir, 'library.sqlite'), autoSave: true });
    dataSource = app.get(DataSource);
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    if (dataSource && !dataSource.isInitialized) await dataSource.initialize();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers list, detail, create and edit with a clean 503 while the connection is closed, keeps serving other views, stores nothing, and recovers when it reopens', async () => {
    await expectServing(http);
    await dataSource.destroy();
    await expectOutage(http);
    await dataSource.initialize();
    await expectServing(http);
    await expectWritesBack(http, app.get<Repository<Book>>('BookRepository'));
  });

  it('keeps serving when the file is removed (sql.js holds the database in memory) and writes it again on the next save', async () => {
    const file = join(dir, 'library.sqlite');
    rmSync(file);
    await expectServing(http);
    await app.get<Repository<Book>>('BookRepository').update({ id: 3 }, { author: 'Anon' });
    expect(existsSync(file)).toBe(true);
  });
});

/** Run `.ci/postgres.sh <command>` for the server on `port`; its stdout. */
function postgres(command: 'start' | 'halt' | 'stop', port: number): string {
  const script = join(import.meta.dirname, '../../.ci/postgres.sh');
  return execFileSync('bash', [script, command], {
    env: { ...process.env, PGPORT: String(port) },
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
}

(PG_URL ? describe : describe.skip)(
  `the database goes away: a PostgreSQL server stopped and started${PG_URL ? '' : ` (${PG_SKIP_REASON})`}`,
  () => {
    // A server of the suite's own: stopping the shared one would fail the suites running beside this one.
    let port: number;
    let url: string;

    beforeAll(async () => {
      port = await freePort();
      url = /CLASS_VIEWS_PG_URL=(\S+)/.exec(postgres('start', port))![1];
    }, 60_000);
    afterAll(() => {
      if (port) postgres('stop', port);
    });

    describe.each(PLATFORMS)('%s', (platform) => {
      let app: INestApplication;
      let http: ReturnType<typeof request>;

      beforeAll(async () => {
        app = await startApp(platform, { type: 'postgres', url });
        http = request(app.getHttpServer());
      });
      afterAll(() => app?.close());

      it('answers list, detail, create and edit with a clean 503 while the server is down, keeps serving other views, stores nothing, and recovers when it is back', async () => {
        await expectServing(http);
        postgres('halt', port);
        try {
          // The pool's connections were closed by the shutdown; new ones are refused.
          await expectOutage(http);
          expect((await http.head('/books/')).status).toBe(503);
        } finally {
          postgres('start', port);
        }
        await expectServing(http);
        await expectWritesBack(http, app.get<Repository<Book>>('BookRepository'));
      }, 60_000);
    });
  },
);
