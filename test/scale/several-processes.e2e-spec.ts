import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SEED_SIZE } from '../../sample/library/seed.js';
import { createTestDatabase, PG_SKIP_REASON, PG_URL, type TestDatabase } from '../utils/databases.js';

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
const skipReason = !PG_URL ? PG_SKIP_REASON : !HAPROXY ? 'skipped: haproxy is not installed (apt-get install haproxy)' : undefined;

/** The three app processes: Express, Fastify, Express. */
const PLATFORMS_OF_PROCESSES = ['express', 'fastify', 'express'] as const;
const CREATES = 90;
const CONCURRENCY = 12;

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Start one app process; resolve with its port once it says it listens. */
function startApp(platform: string, database: string, children: ChildProcess[]): Promise<number> {
  const child = spawn(process.execPath, [join(root, 'dist-scale/test/scale/main.js')], {
    env: { ...process.env, NODE_OPTIONS: '', PLATFORM: platform, DATABASE: database },
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
    child.on('exit', (code) => reject(new Error(`The ${platform} app process exited (${code}) before listening:\n${output}`)));
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

(skipReason ? describe.skip : describe)(`three app processes on one PostgreSQL database behind HAProxy${skipReason ? ` (${skipReason})` : ''}`, () => {
  const children: ChildProcess[] = [];
  let db: TestDatabase;
  let dir: string;
  let base: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'test/scale/tsconfig.json')], { stdio: 'inherit' });
    db = await createTestDatabase('postgres');
    const url = (db.options as { url: string }).url;
    // The first process creates the schema and seeds it; the others start on a ready database.
    const ports = [await startApp(PLATFORMS_OF_PROCESSES[0], url, children)];
    ports.push(...(await Promise.all(PLATFORMS_OF_PROCESSES.slice(1).map((platform) => startApp(platform, url, children)))));

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
      ...ports.map((appPort, i) => `  server app${i + 1} 127.0.0.1:${appPort}`),
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

  it('spreads creates, edits and reads over the three processes and loses or duplicates nothing', async () => {
    const servedBy = new Set<string>();
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      servedBy.add(res.headers.get('x-served-by') ?? 'unknown');
      return { status: res.status, body: (await res.json()) as { id: number; title?: string } };
    };
    const read = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { Accept: 'application/json' } });
      servedBy.add(res.headers.get('x-served-by') ?? 'unknown');
      return { status: res.status, body: await res.json() };
    };

    // Creates, with list reads between them.
    const created = await pool(
      Array.from({ length: CREATES }, (_, i) => async () => {
        const res = await post('/scale/books/', { title: `Scale ${i}`, slug: `scale-${i}` });
        if (i % 10 === 0) expect((await read('/books/')).status).toBe(200);
        return res;
      }),
      CONCURRENCY,
    );
    expect(created.map((res) => res.status)).toEqual(Array(CREATES).fill(201));
    const ids = created.map((res) => res.body.id);
    expect(new Set(ids).size).toBe(CREATES);

    // Edits of every new book, each through whichever process answers.
    const edited = await pool(
      ids.map((id, i) => () => post(`/scale/books/${id}/`, { title: `Edited ${i}` })),
      CONCURRENCY,
    );
    expect(edited.map((res) => res.status)).toEqual(Array(CREATES).fill(200));

    // Every process answered.
    expect([...servedBy].filter((name) => name !== 'unknown').length).toBe(3);

    // Reads through the balancer: every page of the API, 20 books a page.
    const total = SEED_SIZE + CREATES;
    const pages = await pool(
      Array.from({ length: Math.ceil(total / 20) }, (_, i) => () => read(`/api/books/?page=${i + 1}`)),
      CONCURRENCY,
    );
    const listed = pages.flatMap((page) => (page.body as { object_list: Array<{ id: number; slug: string; title: string }> }).object_list);
    expect(listed).toHaveLength(total);
    expect(new Set(listed.map((book) => book.id)).size).toBe(total);
    const scaleBooks = listed.filter((book) => book.slug.startsWith('scale-'));
    expect(scaleBooks.map((book) => [book.slug, book.title]).sort()).toEqual(ids.map((_, i) => [`scale-${i}`, `Edited ${i}`]).sort());

    // Each new book's detail page, from whichever process answers.
    const details = await pool(
      ids.map((id) => async () => (await fetch(`${base}/books/${id}/`)).status),
      CONCURRENCY,
    );
    expect(details).toEqual(Array(CREATES).fill(200));

    // And the database agrees.
    const client = new pg.Client({ connectionString: (db.options as { url: string }).url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT count(*)::int AS n, count(DISTINCT slug)::int AS slugs FROM book WHERE slug LIKE 'scale-%'");
      expect(rows[0]).toEqual({ n: CREATES, slugs: CREATES });
    } finally {
      await client.end();
    }
  }, 60_000);
});
