import { afterEach, describe, expect, it } from '@jest/globals';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ClassView, ClassViewsModule, HttpResponse, View } from '../../src/index.js';
import { PLATFORMS, type Platform } from '../utils/platforms.js';

/** A Nest logger that keeps the warnings it is given. */
class WarningsLogger implements LoggerService {
  readonly warnings: string[] = [];
  log(): void {}
  error(): void {}
  warn(message: unknown): void {
    this.warnings.push(String(message));
  }
}

/**
 * Fresh view classes for one test: the warning is given once per class and process, so each
 * test decorates classes of its own.
 */
function bookViews() {
  @ClassView('books/', { name: 'book-list' })
  class BookList extends View {
    get() {
      return new HttpResponse('the books');
    }
  }
  @ClassView('authors/')
  class AuthorList extends View {
    get() {
      return new HttpResponse('the authors');
    }
  }
  return { BookList, AuthorList };
}

/** Start a real app listing `providers`, with `logger` as Nest's logger from compile() on. */
async function startApp(platform: Platform, providers: Function[], logger: LoggerService): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [ClassViewsModule.forRoot()],
    providers: providers as never[],
  })
    .setLogger(logger)
    .compile();
  const app = moduleRef.createNestApplication(platform === 'express' ? new ExpressAdapter() : new FastifyAdapter(), {
    logger,
  });
  await app.init();
  if (platform === 'fastify') await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe.each(PLATFORMS)('A @ClassView() class that no module lists, on %s', (platform) => {
  let app: INestApplication | undefined;
  afterEach(() => app?.close());

  it('is named in a start-up warning with the fix, and is indeed not served', async () => {
    const { AuthorList } = bookViews(); // BookList is decorated too, and listed by no module
    const logger = new WarningsLogger();
    app = await startApp(platform, [AuthorList], logger);
    expect(logger.warnings).toEqual([
      "BookList is decorated with @ClassView('books/') but no module of this application lists it in its providers, so it is not served. Add BookList to a module's providers (a module the application imports).",
    ]);
    expect((await request(app.getHttpServer()).get('/books/')).status).toBe(404);
    expect((await request(app.getHttpServer()).get('/authors/')).text).toBe('the authors');
  });

  it('gives no warning when every decorated class is listed', async () => {
    const { BookList, AuthorList } = bookViews();
    const logger = new WarningsLogger();
    app = await startApp(platform, [BookList, AuthorList], logger);
    expect(logger.warnings).toEqual([]);
    expect((await request(app.getHttpServer()).get('/books/')).text).toBe('the books');
  });

  it('is not reported again by a later app, nor when an earlier app of the process served it', async () => {
    const { AuthorList } = bookViews(); // BookList is decorated too, and listed by no module
    const first = new WarningsLogger();
    app = await startApp(platform, [AuthorList], first);
    await app.close();
    const second = new WarningsLogger();
    app = await startApp(platform, [], second);
    expect(first.warnings).toHaveLength(1);
    // Neither is listed now: BookList was reported already, AuthorList was served by the first app.
    expect(second.warnings).toEqual([]);
  });
});
