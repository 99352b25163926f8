/**
 * `npm run soak`: the sample app in its own process under 100 connections for 60 s on its
 * book list, then the numbers: requests, errors, p50/p99 latency and the heap (after full
 * GCs) before, during and after. Fails on any error, non-2xx answer or timeout, or on a
 * heap that grew by more than HEAP_TOLERANCE. `SOAK_SECONDS` and `SOAK_CONNECTIONS` change
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

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 100);
const TIMEOUT = Number(process.env.SOAK_TIMEOUT ?? 30);
/** How much the heap may grow from the warmed-up start to the end: noise, not a leak. */
const HEAP_TOLERANCE = { bytes: 8 * 1024 * 1024, ratio: 0.25 };
const PATHS = ['/books/', '/books/?page=3', '/books/17/'];

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

function load(url: string, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({ url, duration: seconds, connections, timeout: TIMEOUT, requests: PATHS.map((path) => ({ method: 'GET', path })) });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

try {
  const port = Number(/READY (\d+)/.exec(await nextLine())![1]);
  const url = `http://127.0.0.1:${port}`;
  await load(url, 5, 10); // warm-up: JIT, template cache, the database's pages
  const heaps = [await heap()];
  const sampler = setInterval(() => void heap().then((bytes) => heaps.push(bytes)), 10_000);
  const result = await load(url, SECONDS, CONNECTIONS);
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const end = await heap();
  heaps.push(end);
  const growth = end - heaps[0];
  const problems = result.errors + result.non2xx;
  console.log(`soak: ${SECONDS} s at ${CONNECTIONS} connections on ${PATHS.join(', ')} (sample app, Express, Node ${process.version})`);
  console.log(`requests ${result.requests.total} (${Math.round(result.requests.average)}/s)`);
  console.log(`latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(`errors ${result.errors} (of which timeouts, no answer in ${TIMEOUT} s: ${result.timeouts}), non-2xx ${result.non2xx}`);
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} (1, 5, 15 min)`);
  console.log(`heap after GC: ${heaps.map(mb).join(' → ')} (growth ${mb(growth)})`);
  const leaked = growth > HEAP_TOLERANCE.bytes && growth > heaps[0] * HEAP_TOLERANCE.ratio;
  if (problems > 0 || leaked) {
    console.error(problems > 0 ? 'soak failed: some requests failed' : 'soak failed: the heap grew beyond noise');
    process.exitCode = 1;
  }
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
