import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SEED_SIZE } from '../../sample/library/seed.js';
import { createTestDatabase, PG_SKIP_REASON, PG_URL, type TestDatabase } from '../utils/databases.js';
import { freePort } from '../utils/ports.js';

const root = join(import.meta.dirname, '../..');
/** HAProxy from Debian (`.ci/run` installs it). */
const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].find((file) => {
  try {
    execFileSync(file, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const skipReason = !PG_URL
  ? PG_SKIP_REASON
  : !HAPROXY
    ? 'skipped: haproxy is not installed (apt-get install haproxy)'
    : undefined;

/** The three app processes: Express, Fastify, Express. */
const PLATFORMS_OF_PROCESSES = ['express', 'fastify', 'express'] as const;
const CREATES = 90;
const CONCURRENCY = 12;

/** Start one app process; resolve with its port once it says it listens. */
function startApp(platform: string, database: string, children: ChildProcess[]): Promise<number> {
  const child = spawn(process.execPath, [join(root, 'dist-scale/test/scale/main.js')], {
    // One SECRET_KEY for all: each process reads the messages cookie another signed.
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PLATFORM: platform,
      DATABASE: database,
      SECRET_KEY: 'several-processes-secret',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`The ${platform} app process exited (${code}) before listening:\n${output}`)),
    );
  });
}

/** Run `tasks` with at most `limit` at a time, in order of start. */
async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

(skipReason ? describe.skip : describe)(
  `three app processes on one PostgreSQL database behind HAProxy${skipReason ? ` (${skipReason})` : ''}`,
  () => {
    const children: ChildProcess[] = [];
    let db: TestDatabase;
    let dir: string;
    let base: string;

    beforeAll(async () => {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'test/scale/tsconfig.json'), '--noCheck'],
        { stdio: 'inherit' },
      );
      db = await createTestDatabase('postgres');
      const url = (db.options as { url: string }).url;
      // The first process creates the schema and seeds it; the others start on a ready database.
      const ports = [await startApp(PLATFORMS_OF_PROCESSES[0], url, children)];
      ports.push(
        ...(await Promise.all(PLATFORMS_OF_PROCESSES.slice(1).map((platform) => startApp(platform, url, children)))),
      );

      dir = mkdtempSync(join(tmpdir(), 'class-views-haproxy-'));
      const port = await freePort();
      const config = [
        'global',
        '  maxconn 256',
        'defaults',
        '  mode http',
        '  timeout connect 2s',
        '  timeout client 10s',
        '  timeout server 10s',
        'frontend web',
        `  bind 127.0.0.1:${port}`,
        '  default_backend apps',
        'backend apps',
        '  balance roundrobin',
        // A process that refuses connections is skipped: its requests are retried on another.
        '  retries 2',
        '  option redispatch 1',
        ...ports.map((appPort, i) => `  server app${i + 1} 127.0.0.1:${appPort} check inter 500 fall 1 rise 2`),
      ];
      writeFileSync(join(dir, 'haproxy.cfg'), `${config.join('\n')}\n`);
      const haproxy = spawn(HAPROXY!, ['-db', '-f', join(dir, 'haproxy.cfg')], { stdio: 'ignore' });
      children.push(haproxy);
      base = `http://127.0.0.1:${port}`;
      for (let attempt = 0; ; attempt++) {
        try {
          if ((await fetch(`${base}/`)).ok) break;
        } catch (error) {
          if (attempt > 50) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, 120_000);

    afterAll(async () => {
      await Promise.all(
        children.map((child) => {
          if (child.exitCode !== null || child.signalCode !== null) return undefined;
          return new Promise((resolve) => {
            child.once('exit', resolve);
            child.kill('SIGTERM');
          });
        }),
      );
      await db?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 30_000);

    /** A response through the balancer, noting which process answered. */
    const servedBy = new Set<string>();
    async function send(path: string, init: RequestInit = {}): Promise<Response> {
      const res = await fetch(`${base}${path}`, { redirect: 'manual', ...init });
      const name = res.headers.get('x-served-by');
      if (name) servedBy.add(name);
      return res;
    }

    /** A form page's CSRF cookie and token, as a browser keeps them, and the process that served it. */
    async function formPage(path: string): Promise<{ cookie: string; token: string; by: string }> {
      const res = await send(path);
      expect(res.status).toBe(200);
      const html = await res.text();
      const cookie = /^csrftoken=[^;]*/.exec(
        res.headers.getSetCookie().find((line) => line.startsWith('csrftoken=')) ?? '',
      )?.[0];
      const token = /name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"/.exec(html)?.[1];
      if (!cookie || !token) throw new Error(`${path} gave no CSRF cookie or token`);
      return { cookie, token, by: res.headers.get('x-served-by')! };
    }

    /** Fill and send a form fetched from `path` as a browser would; the answer and who served the page and the post. */
    async function submit(path: string, fields: Record<string, string>) {
      const page = await formPage(path);
      const res = await send(path, {
        method: 'POST',
        headers: { Cookie: page.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...fields, csrfmiddlewaretoken: page.token }).toString(),
      });
      await res.arrayBuffer();
      return {
        status: res.status,
        location: res.headers.get('location'),
        pageBy: page.by,
        postBy: res.headers.get('x-served-by'),
      };
    }

    const bookFields = (i: number, title: string) => ({
      title,
      author: 'Scale Test',
      slug: `scale-${i}`,
      // One hour apart: the list pages order by date, and PostgreSQL returns ties in no fixed
      // order from one query to the next, so equal dates could shift rows between pages.
      publicationDate: `2030-01-${String(Math.floor(i / 24) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00`,
    });

    it('refuses a form post without its CSRF token, whichever process answers', async () => {
      for (let i = 0; i < 3; i++) {
        const res = await send('/books/new/', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(bookFields(1000 + i, 'No token')).toString(),
        });
        expect(res.status).toBe(403);
        await res.arrayBuffer();
      }
    });

    it('spreads creates, edits and reads over the three processes, takes a CSRF token from any of them, and loses or duplicates nothing', async () => {
      // Creates through CreateView, each form fetched first, with list reads between them.
      const created = await pool(
        Array.from({ length: CREATES }, (_, i) => async () => {
          const res = await submit('/books/new/', bookFields(i, `Scale ${i}`));
          if (i % 10 === 0) expect((await send('/books/')).status).toBe(200);
          return res;
        }),
        CONCURRENCY,
      );
      expect(created.map((res) => res.status)).toEqual(Array(CREATES).fill(302));
      const ids = created.map((res) => Number(/^\/books\/(\d+)\/$/.exec(res.location ?? '')?.[1]));
      expect(new Set(ids).size).toBe(CREATES);
      expect(ids.every((id) => id > SEED_SIZE)).toBe(true);

      // Edits of every new book through UpdateView.
      const edited = await pool(
        ids.map((id, i) => () => submit(`/books/${id}/edit/`, bookFields(i, `Edited ${i}`))),
        CONCURRENCY,
      );
      expect(edited.map((res) => [res.status, res.location])).toEqual(ids.map((id) => [302, `/books/${id}/`]));

      // Every process answered, and tokens from one process were accepted by another.
      expect(servedBy.size).toBe(3);
      const crossed = [...created, ...edited].filter((res) => res.pageBy !== res.postBy);
      expect(crossed.length).toBeGreaterThan(0);

      // Reads through the balancer: every page of the list as JSON (its fields include the slug), 20 books a page.
      const total = SEED_SIZE + CREATES;
      const pages = await pool(
        Array.from(
          { length: Math.ceil(total / 20) },
          (_, i) => async () =>
            (await send(`/books/?page=${i + 1}`, { headers: { Accept: 'application/json' } })).json(),
        ),
        CONCURRENCY,
      );
      const listed = pages.flatMap(
        (page) => (page as { object_list: Array<{ id: number; slug: string; title: string }> }).object_list,
      );
      expect(listed).toHaveLength(total);
      expect(new Set(listed.map((book) => book.id)).size).toBe(total);
      const scaleBooks = listed.filter((book) => book.slug.startsWith('scale-'));
      expect(scaleBooks.map((book) => [book.slug, book.title]).sort()).toEqual(
        ids.map((_, i) => [`scale-${i}`, `Edited ${i}`]).sort(),
      );

      // Each new book's detail page, from whichever process answers.
      const details = await pool(
        ids.map((id) => async () => {
          const res = await send(`/books/${id}/`);
          await res.arrayBuffer();
          return res.status;
        }),
        CONCURRENCY,
      );
      expect(details).toEqual(Array(CREATES).fill(200));

      // And the database agrees.
      expect(await countScaleBooks()).toEqual({ n: CREATES, slugs: CREATES });
    }, 90_000);

    it('shows a message added by one process on a page another serves, once', async () => {
      for (let i = 0; i < 3; i++) {
        const page = await formPage('/books/new/');
        const post = await send('/books/new/', {
          method: 'POST',
          headers: { Cookie: page.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            ...bookFields(i, `Message ${i}`),
            slug: `message-${i}`,
            csrfmiddlewaretoken: page.token,
          }).toString(),
        });
        await post.arrayBuffer();
        expect(post.status).toBe(302);
        const cookie = /^messages=[^;]*/.exec(
          post.headers.getSetCookie().find((line) => line.startsWith('messages=')) ?? '',
        )?.[0];
        expect(cookie).toBeDefined();
        // Round robin: the next request goes to another process; ask until one other than the poster answers.
        let shown: Response;
        do shown = await send(post.headers.get('location')!, { headers: { Cookie: cookie! } });
        while (shown.headers.get('x-served-by') === post.headers.get('x-served-by') && (await shown.arrayBuffer()));
        expect(await shown.text()).toContain(`<li class="success">“Message ${i}” was added.</li>`);
        expect(shown.headers.getSetCookie()).toEqual([expect.stringMatching(/^messages=""; expires=Thu, 01 Jan 1970/)]);
        // Without the cleared cookie, no process shows it again.
        expect(await (await send(post.headers.get('location')!)).text()).not.toContain('class="messages"');
      }
    }, 30_000);

    it('keeps serving when a process dies: a form it served is accepted by another, and creates go on', async () => {
      const page = await formPage('/books/new/');
      const victim = children.find((child) => page.by.endsWith(`-${child.pid}`))!;
      await new Promise((resolve) => {
        victim.once('exit', resolve);
        victim.kill('SIGKILL');
      });
      const res = await send('/books/new/', {
        method: 'POST',
        headers: { Cookie: page.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          ...bookFields(CREATES, 'After the crash'),
          csrfmiddlewaretoken: page.token,
        }).toString(),
      });
      expect(res.status).toBe(302);
      expect(res.headers.get('x-served-by')).not.toBe(page.by);
      const more = await pool(
        Array.from({ length: 20 }, (_, i) => () => submit('/books/new/', bookFields(CREATES + 1 + i, `After ${i}`))),
        4,
      );
      expect(more.map((r) => r.status)).toEqual(Array(20).fill(302));
      expect(more.every((r) => r.pageBy !== page.by && r.postBy !== page.by)).toBe(true);
      expect(await countScaleBooks()).toEqual({ n: CREATES + 21, slugs: CREATES + 21 });
    }, 60_000);

    /** The books the tests created, counted in the database itself. */
    async function countScaleBooks(): Promise<{ n: number; slugs: number }> {
      const client = new pg.Client({ connectionString: (db.options as { url: string }).url });
      await client.connect();
      try {
        const { rows } = await client.query(
          "SELECT count(*)::int AS n, count(DISTINCT slug)::int AS slugs FROM book WHERE slug LIKE 'scale-%'",
        );
        return rows[0] as { n: number; slugs: number };
      } finally {
        await client.end();
      }
    }
  },
);
