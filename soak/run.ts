/**
 * `npm run soak`: the sample app in its own process under 100 connections for 60 s on its
 * book list, a later page, a detail page and its create page (a valid new book posted with
 * its CSRF token, one in four requests), then the numbers: requests, errors, p50/p99
 * latency and the heap (after full GCs) before, during and after. Fails on any error or
 * timeout, on any answer but 200 (302 for a create), on creates that did not all land in
 * the database, or on a heap that grew by more than HEAP_TOLERANCE. `SOAK_SECONDS` and `SOAK_CONNECTIONS` change
 * the load, `SOAK_TIMEOUT` how long a request may wait for its answer before it counts as
 * failed (30 s: on a shared machine under load, a closed loop of 100 connections sees
 * tails of several seconds that measure the neighbours, not the app); `DATABASE` the
 * sample's database (a temporary SQLite file by default).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SEED_SIZE } from '../sample/library/seed.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 100);
const TIMEOUT = Number(process.env.SOAK_TIMEOUT ?? 30);
/** How much the heap may grow from the warmed-up start to the end: noise, not a leak. */
const HEAP_TOLERANCE = { bytes: 8 * 1024 * 1024, ratio: 0.25 };
const PATHS = ['/books/', '/books/?page=3', '/books/17/'];
/** What a create page answers a valid post: a redirect to the new book. */
const CREATED = 302;

const dir = mkdtempSync(join(tmpdir(), 'class-views-soak-'));
const server = spawn(process.execPath, ['--expose-gc', join(import.meta.dirname, 'server.js')], {
  env: { ...process.env, DATABASE: process.env.DATABASE ?? join(dir, 'library.sqlite') },
  stdio: ['pipe', 'pipe', 'inherit'],
});
const lines = createInterface({ input: server.stdout! });
const waiting: Array<(line: string) => void> = [];
lines.on('line', (line) => waiting.shift()?.(line));
const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));

async function heap(): Promise<number> {
  const line = nextLine();
  server.stdin!.write('heap\n');
  return Number(/HEAP (\d+)/.exec(await line)![1]);
}

/** The create page's CSRF cookie and token, read once: the token stays valid for the cookie. */
async function csrf(url: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${url}/books/new/`);
  const cookie = /^csrftoken=[^;]*/.exec(
    res.headers.getSetCookie().find((line) => line.startsWith('csrftoken=')) ?? '',
  )![0];
  const token = /name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"/.exec(await res.text())![1];
  return { cookie, token };
}

let created = 0;

function load(
  url: string,
  seconds: number,
  connections: number,
  form: { cookie: string; token: string },
): Promise<autocannon.Result> {
  const reads = PATHS.map((path) => ({ method: 'GET', path }));
  const create = {
    method: 'POST',
    path: '/books/new/',
    headers: { Cookie: form.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    // A fresh slug and title for every post, so each one stores a book.
    setupRequest: (request: autocannon.Request) => {
      const n = created++;
      const fields = {
        title: `Soak ${n}`,
        author: 'Soak',
        slug: `soak-${n}`,
        publicationDate: '2040-01-01T00:00',
        csrfmiddlewaretoken: form.token,
      };
      return { ...request, body: new URLSearchParams(fields).toString() };
    },
  };
  return autocannon({ url, duration: seconds, connections, timeout: TIMEOUT, requests: [...reads, create] });
}

/** How many books the soak's posts stored, from the JSON API's count. */
async function countSoakBooks(url: string): Promise<number> {
  const res = await fetch(`${url}/api/books/`);
  const { page } = (await res.json()) as { page: { count: number } };
  return page.count - SEED_SIZE;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

try {
  const port = Number(/READY (\d+)/.exec(await nextLine())![1]);
  const url = `http://127.0.0.1:${port}`;
  const form = await csrf(url);
  const warmUp = await load(url, 5, 10, form); // warm-up: JIT, template cache, the database's pages
  const heaps = [await heap()];
  const sampler = setInterval(() => void heap().then((bytes) => heaps.push(bytes)), 10_000);
  const postsBefore = created;
  const result = await load(url, SECONDS, CONNECTIONS, form);
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const end = await heap();
  heaps.push(end);
  const growth = end - heaps[0];
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  const unexpected = Object.entries(statuses).filter(([code]) => code !== '200' && Number(code) !== CREATED);
  const problems = result.errors + unexpected.reduce((sum, [, count]) => sum + count, 0);
  const stored = await countSoakBooks(url);
  console.log(
    `soak: ${SECONDS} s at ${CONNECTIONS} connections on ${PATHS.join(', ')} and POST /books/new/ (sample app, Express, Node ${process.version})`,
  );
  console.log(`requests ${result.requests.total} (${Math.round(result.requests.average)}/s)`);
  console.log(`latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(
    `answers ${JSON.stringify(statuses)}; errors ${result.errors} (of which timeouts, no answer in ${TIMEOUT} s: ${result.timeouts})`,
  );
  // Every post answered 302 stored its book; a post still in flight when the load stopped may or may not have.
  const confirmed = (statuses[CREATED] ?? 0) + (warmUp.statusCodeStats[CREATED]?.count ?? 0);
  console.log(
    `creates: ${statuses[CREATED] ?? 0} answered ${CREATED} in the soak (${created - postsBefore} sent); books stored: ${stored}, confirmed ${confirmed}, sent ${created}`,
  );
  console.log(
    `machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} (1, 5, 15 min)`,
  );
  console.log(`heap after GC: ${heaps.map(mb).join(' → ')} (growth ${mb(growth)})`);
  const leaked = growth > HEAP_TOLERANCE.bytes && growth > heaps[0] * HEAP_TOLERANCE.ratio;
  const lost = stored < confirmed || stored > created;
  if (problems > 0 || leaked || lost) {
    console.error(
      problems > 0
        ? 'soak failed: some requests failed'
        : leaked
          ? 'soak failed: the heap grew beyond noise'
          : 'soak failed: creates were lost or duplicated',
    );
    process.exitCode = 1;
  }
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
