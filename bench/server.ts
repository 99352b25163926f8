/**
 * A benchmark server in its own process: `node server.js <case> <variant> <platform>`
 * or `node server.js bare <platform>` or `node server.js ceiling`. Listens on 127.0.0.1 (a free port), prints
 * `READY <port>`, and answers on stdin `heap` with the heap used after a full GC and
 * `cpu` with the process's CPU time so far (µs).
 */
import 'reflect-metadata';
import Fastify from 'fastify';
import { createInterface } from 'node:readline';
import nunjucks from 'nunjucks';
import { BOOKS, type Case, createCaseApp, type Platform, TEMPLATES, type Variant } from './cases.js';

/**
 * The ceiling of the list case: the same page from bare Fastify and better-sqlite3
 * prepared statements, rendered by the same template through nunjucks; no Nest, no ORM.
 */
async function ceiling(): Promise<number> {
  // Loose typing: @types/better-sqlite3 is not a dependency of the project.
  const Database = ((await import('better-sqlite3' as string)) as { default: new (file: string) => any }).default;
  const db = new Database(':memory:');
  db.exec('CREATE TABLE "book" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar NOT NULL)');
  const insert = db.prepare('INSERT INTO "book" ("title") VALUES (?)');
  db.transaction(() => {
    for (let i = 1; i <= BOOKS; i++) insert.run(`Book ${i}`);
  })();
  const count = db.prepare('SELECT COUNT(*) AS "cnt" FROM "book"').pluck();
  const page = db.prepare('SELECT "id", "title" FROM "book" ORDER BY "id" ASC LIMIT ? OFFSET ?');
  const templates = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES, { noCache: false }), {
    autoescape: true,
  });
  const app = Fastify();
  app.get('/list/', (request, reply) => {
    const number = Number((request.query as { page?: string }).page ?? 1);
    const total = count.get() as number;
    const rows = page.all(20, (number - 1) * 20);
    const html = templates.render('book_list.html', {
      object_list: rows,
      page_obj: { number },
      paginator: { numPages: Math.ceil(total / 20), count: total },
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as { port: number }).port;
}

async function listen(): Promise<number> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === 'ceiling') return ceiling();
  if (mode === 'bare') {
    const platform = rest[0] as Platform;
    if (platform === 'express') {
      // Loose typing: @types/express is not a dependency of the project.
      const express = ((await import('express' as string)) as { default: () => any }).default;
      const app = express();
      app.get('/bare/', (_req: any, res: any) => {
        res.type('html').send('Hello, world!');
      });
      return new Promise((resolve) => {
        const server = app.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
      });
    }
    const app = Fastify();
    app.get('/bare/', (_req, reply) => reply.type('text/html; charset=utf-8').send('Hello, world!'));
    await app.listen({ port: 0, host: '127.0.0.1' });
    return (app.server.address() as { port: number }).port;
  }
  const app = await createCaseApp(mode as Case, rest[0] as Variant, rest[1] as Platform);
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as { port: number }).port;
}

const port = await listen();
console.log(`READY ${port}`);
createInterface({ input: process.stdin }).on('line', (line) => {
  const command = line.trim();
  if (command === 'cpu') {
    const { user, system } = process.cpuUsage();
    console.log(`CPU ${user + system}`);
  }
  if (command !== 'heap') return;
  for (let i = 0; i < 3; i++) global.gc?.();
  console.log(`HEAP ${process.memoryUsage().heapUsed}`);
});
