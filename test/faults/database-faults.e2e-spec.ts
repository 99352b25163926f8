import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource, type Repository } from 'typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import { ClassView, ClassViewsModule, DetailView, httpDate, HttpResponse, ListView, rethrowDatabaseError, View } from '../../src/index.js';
import { Book, seedBooks } from '../list/library.js';
import { PG_SKIP_REASON, PG_URL } from '../utils/databases.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';

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
    const last = await this.books.findOne({ where: {}, order: { publicationDate: 'DESC' } }).catch(rethrowDatabaseError);
    return new HttpResponse(null, { headers: { 'Last-Modified': httpDate(last!.publicationDate) } });
  }
}

@ClassView('books/<int:pk>/')
class BookDetailView extends DetailView<Book> {
  model = Book;
  templateName = 'book_detail.html';
}

/** A view that needs no database: it must keep serving while the database is away. */
@ClassView('ping/')
class PingView extends View {
  get() {
    return new HttpResponse('pong');
  }
}

/** The 503 a list or detail view answers while the database is away: Nest's shape, nothing of the query. */
const UNAVAILABLE = { statusCode: 503, error: 'Service Unavailable', message: 'The database is unavailable. Please try again shortly.' };

/** Start the app on `platform` with `options`, seeded with 45 books. */
async function startApp(platform: (typeof PLATFORMS)[number], options: TypeOrmModuleOptions): Promise<INestApplication> {
  const app = await createApp(platform, {
    imports: [
      TypeOrmModule.forRoot({ ...options, entities: [Book], synchronize: true } as TypeOrmModuleOptions),
      TypeOrmModule.forFeature([Book]),
      ClassViewsModule.forRoot({ templates: { dirs: [join(import.meta.dirname, '../list/fixtures')] }, imports: [TypeOrmModule.forFeature([Book])] }),
    ],
    providers: [BookListView, BookDetailView, PingView],
  });
  const books = app.get<Repository<Book>>('BookRepository');
  if ((await books.count()) === 0) await books.save(seedBooks());
  return app;
}

/** Every request that must not reach the database's error text. */
async function expectUnavailable(http: ReturnType<typeof request>, url: string): Promise<void> {
  const res = await http.get(url);
  expect(res.status).toBe(503);
  expect(res.body).toEqual(UNAVAILABLE);
  expect(res.text).not.toMatch(/SELECT|ECONN|terminat|memory|\bat \w|\/tmp|\.ts\b|\.js\b/i);
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

  it('answers list and detail with a clean 503 while the connection is closed, keeps serving other views, and recovers when it reopens', async () => {
    await expectServing(http);
    await dataSource.destroy();
    await expectUnavailable(http, '/books/');
    await expectUnavailable(http, '/books/?page=2');
    await expectUnavailable(http, '/books/3/');
    const ping = await http.get('/ping/');
    expect([ping.status, ping.text]).toEqual([200, 'pong']);
    await dataSource.initialize();
    await expectServing(http);
  });

  it('keeps serving when the file is removed (sql.js holds the database in memory) and writes it again on the next save', async () => {
    const file = join(dir, 'library.sqlite');
    rmSync(file);
    await expectServing(http);
    await app.get<Repository<Book>>('BookRepository').update({ id: 3 }, { author: 'Anon' });
    expect(existsSync(file)).toBe(true);
  });
});

/** A free TCP port on 127.0.0.1 for the suite's own PostgreSQL server. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Run `.ci/postgres.sh <command>` for the server on `port`; its stdout. */
function postgres(command: 'start' | 'halt' | 'stop', port: number): string {
  const script = join(import.meta.dirname, '../../.ci/postgres.sh');
  return execFileSync('bash', [script, command], { env: { ...process.env, PGPORT: String(port) }, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
}

(PG_URL ? describe : describe.skip)(`the database goes away: a PostgreSQL server stopped and started${PG_URL ? '' : ` (${PG_SKIP_REASON})`}`, () => {
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

    it('answers list and detail with a clean 503 while the server is down, keeps serving other views, and recovers when it is back', async () => {
      await expectServing(http);
      postgres('halt', port);
      try {
        // The pool's connections were closed by the shutdown; new ones are refused.
        await expectUnavailable(http, '/books/');
        await expectUnavailable(http, '/books/3/');
        await expectUnavailable(http, '/books/?page=2');
        expect((await http.head('/books/')).status).toBe(503);
        const ping = await http.get('/ping/');
        expect([ping.status, ping.text]).toEqual([200, 'pong']);
      } finally {
        postgres('start', port);
      }
      await expectServing(http);
    }, 60_000);
  });
});
