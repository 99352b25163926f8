/**
 * `npm run bench`: class views against hand-written Nest controllers, on Express and
 * Fastify. Every server runs in its own process on 127.0.0.1; autocannon runs in
 * another, for a few seconds per round with fixed connections. A case and its twin
 * are measured in alternating rounds (ABBA) so machine drift cancels out; the ratio is
 * the class view's median requests/s over the controller's; `cpuRatio` is the
 * controller's server CPU time per request over the view's (1 = same cost), which a
 * shared 2-core machine disturbs less than requests/s. Prints a table and writes
 * bench/results/<date>.json.
 *
 *
 * Each pair is also measured side by side ("paired"): both servers loaded at the same
 * time, each by its own autocannon, so whatever the machine does in a round it does to
 * both. `pairedRatio` is the median over rounds of the view's requests/s over the
 * controller's in the same round, `pairedCpuRatio` the same for CPU per request. An A/A
 * control (the plain controller against a second copy of itself) gives the noise floor
 * of both methods. Where `taskset` works (Linux, 2+ CPUs), servers run on CPU 0 and
 * autocannon on the others, so the load generator never takes the servers' core.
 *
 * Knobs (environment): BENCH_DURATION seconds per round (3), BENCH_ROUNDS (4),
 * BENCH_PAIRED_ROUNDS (6), BENCH_CONNECTIONS (50), BENCH_PLATFORMS (express,fastify),
 * BENCH_MEMORY_REQUESTS (200000), BENCH_PIN (1; 0 leaves processes unpinned), BENCH_ONLY
 * (a comma-separated subset of plain,guarded,template,list,control,errors,bare,startup,memory).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Case, Platform } from './cases.js';

const here = import.meta.dirname;
const root = join(here, '../..');
const AUTOCANNON = join(root, 'node_modules/.bin/autocannon');
const DURATION = Number(process.env.BENCH_DURATION ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PAIRED_ROUNDS = Number(process.env.BENCH_PAIRED_ROUNDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PLATFORMS = (process.env.BENCH_PLATFORMS ?? 'express,fastify').split(',') as Platform[];
const MEMORY_REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS ?? 200_000);
const ONLY = process.env.BENCH_ONLY?.split(',');
const wanted = (name: string) => !ONLY || ONLY.includes(name);
/** Servers on CPU 0, autocannon on the other CPUs, when `taskset` can do it. */
const PIN =
  process.env.BENCH_PIN !== '0' && cpus().length >= 2 && spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' }).status === 0;
const LOAD_CPUS = `1-${cpus().length - 1}`;

/** `command args` as spawn() takes it, on `cpuList` when pinning. */
function pinned(cpuList: string, command: string, args: string[]): [string, string[]] {
  return PIN ? ['taskset', ['-c', cpuList, command, ...args]] : [command, args];
}

interface Server {
  port: number;
  child: ChildProcess;
  heap(): Promise<number>;
  cpu(): Promise<number>;
  stop(): void;
}

interface Load {
  rps: number;
  /** Server CPU time per request, µs (less sensitive to a shared machine than req/s). */
  cpuPerRequest?: number;
  requests?: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function startServer(args: string[]): Promise<Server> {
  const child = spawn(...pinned('0', process.execPath, ['--expose-gc', join(here, 'server.js'), ...args]), {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const waiters: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiters.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiters.push(resolve));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server ${args.join(' ')} exited with ${code}`)));
    void next().then((line) => {
      const port = Number(/^READY (\d+)$/.exec(line)?.[1]);
      resolve({
        port,
        child,
        heap: async () => {
          child.stdin!.write('heap\n');
          return Number(/^HEAP (\d+)$/.exec(await next())?.[1]);
        },
        cpu: async () => {
          child.stdin!.write('cpu\n');
          return Number(/^CPU (\d+)$/.exec(await next())?.[1]);
        },
        stop: () => {
          child.removeAllListeners('exit');
          child.kill();
        },
      });
    });
  });
}

function load(url: string, options: { method?: string; duration?: number; amount?: number; connections?: number } = {}): Promise<Load> {
  const args = ['-c', String(options.connections ?? CONNECTIONS), '-j', '-m', options.method ?? 'GET'];
  if (options.amount) args.push('-a', String(options.amount));
  else args.push('-d', String(options.duration ?? DURATION));
  return new Promise((resolve, reject) => {
    const child = spawn(...pinned(LOAD_CPUS, AUTOCANNON, [...args, url]), { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const result = JSON.parse(out);
      resolve({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        requests: result.requests.total,
      });
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Load `url` while measuring the server's CPU time per request. */
async function measured(server: Server, url: string, options: { method?: string } = {}): Promise<Load> {
  const before = await server.cpu();
  const result = await load(url, options);
  const after = await server.cpu();
  return { ...result, cpuPerRequest: (after - before) / Math.max(1, result.requests ?? 1) };
}

const summarize = (runs: Load[]) => ({
  rps: Math.round(median(runs.map((r) => r.rps))),
  cpuUs: +median(runs.map((r) => r.cpuPerRequest ?? NaN)).toFixed(1),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  errors: runs.reduce((sum, r) => sum + r.errors, 0),
  rounds: runs.map((r) => Math.round(r.rps)),
});

const PATHS: Record<Case, { view: string; controller: string }> = {
  plain: { view: '/plain/', controller: '/plain' },
  guarded: { view: '/guarded/', controller: '/guarded' },
  template: { view: '/template/', controller: '/template' },
  list: { view: '/list/?page=7', controller: '/list?page=7' },
  errors: { view: '/errors/', controller: '' },
};

const rows: Array<Record<string, unknown>> = [];

/** One side of a comparison: a server and the URL it is loaded at. */
interface Side {
  server: Server;
  url: string;
}

/** Both sides loaded at the same time, each by its own autocannon with half the connections. */
async function pairedRound(a: Side, b: Side): Promise<{ rpsRatio: number; cpuRatio: number }> {
  const [a0, b0] = await Promise.all([a.server.cpu(), b.server.cpu()]);
  const connections = Math.max(1, Math.round(CONNECTIONS / 2));
  const [la, lb] = await Promise.all([load(a.url, { connections }), load(b.url, { connections })]);
  const [a1, b1] = await Promise.all([a.server.cpu(), b.server.cpu()]);
  if (la.non2xx || lb.non2xx || la.errors || lb.errors) throw new Error(`paired round: non-2xx answers or errors (${a.url}, ${b.url})`);
  const cpuA = (a1 - a0) / Math.max(1, la.requests ?? 1);
  const cpuB = (b1 - b0) / Math.max(1, lb.requests ?? 1);
  return { rpsRatio: la.rps / lb.rps, cpuRatio: cpuB / cpuA };
}

/**
 * Measure `a` against `b`: alternating rounds (ABBA), then paired rounds. Returns the
 * summaries and the ratios of `a` to `b` (above 1: `a` is faster or cheaper).
 */
async function compare(a: Side, b: Side) {
  await load(a.url, { duration: 1 });
  await load(b.url, { duration: 1 });
  const runs = { a: [] as Load[], b: [] as Load[] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: Array<'a' | 'b'> = round % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
    for (const side of order) runs[side].push(await measured((side === 'a' ? a : b).server, (side === 'a' ? a : b).url));
  }
  const paired: Array<{ rpsRatio: number; cpuRatio: number }> = [];
  for (let round = 0; round < PAIRED_ROUNDS; round++) paired.push(await pairedRound(a, b));
  const sa = summarize(runs.a);
  const sb = summarize(runs.b);
  return {
    a: sa,
    b: sb,
    ratio: +(sa.rps / sb.rps).toFixed(3),
    cpuRatio: +(sb.cpuUs / sa.cpuUs).toFixed(3),
    pairedRatio: paired.length ? +median(paired.map((p) => p.rpsRatio)).toFixed(3) : null,
    pairedCpuRatio: paired.length ? +median(paired.map((p) => p.cpuRatio)).toFixed(3) : null,
    pairedRounds: paired.map((p) => +p.rpsRatio.toFixed(3)),
  };
}

async function twinCase(platform: Platform, benchCase: Case) {
  const view = await startServer([benchCase, 'view', platform]);
  const controller = await startServer([benchCase, 'controller', platform]);
  try {
    const result = await compare(
      { server: view, url: `http://127.0.0.1:${view.port}${PATHS[benchCase].view}` },
      { server: controller, url: `http://127.0.0.1:${controller.port}${PATHS[benchCase].controller}` },
    );
    const { ratio, cpuRatio, pairedRatio, pairedCpuRatio, pairedRounds } = result;
    rows.push({ platform, case: benchCase, variant: 'class view', ...result.a, ratio, cpuRatio, pairedRatio, pairedCpuRatio, pairedRounds });
    rows.push({ platform, case: benchCase, variant: 'controller', ...result.b, ratio: 1, cpuRatio: 1, pairedRatio: 1, pairedCpuRatio: 1 });
    console.log(
      `${platform} ${benchCase}: view ${result.a.rps} req/s ${result.a.cpuUs} µs CPU/req, controller ${result.b.rps} req/s ${result.b.cpuUs} µs CPU/req, ` +
        `ratio ${ratio} (CPU ${cpuRatio}); paired ratio ${pairedRatio} (CPU ${pairedCpuRatio})`,
    );
  } finally {
    view.stop();
    controller.stop();
  }
}

/** The noise floor: the plain controller against a second process of itself. */
async function controlCase(platform: Platform) {
  const first = await startServer(['plain', 'controller', platform]);
  const second = await startServer(['plain', 'controller', platform]);
  try {
    const result = await compare(
      { server: first, url: `http://127.0.0.1:${first.port}${PATHS.plain.controller}` },
      { server: second, url: `http://127.0.0.1:${second.port}${PATHS.plain.controller}` },
    );
    const { ratio, cpuRatio, pairedRatio, pairedCpuRatio, pairedRounds } = result;
    rows.push({ platform, case: 'A/A control', variant: 'controller ÷ controller', ...result.a, ratio, cpuRatio, pairedRatio, pairedCpuRatio, pairedRounds });
    console.log(`${platform} A/A control (plain controller twice): ratio ${ratio} (CPU ${cpuRatio}); paired ratio ${pairedRatio} (CPU ${pairedCpuRatio})`);
  } finally {
    first.stop();
    second.stop();
  }
}

async function errorsCase(platform: Platform) {
  const server = await startServer(['errors', 'view', platform]);
  try {
    const url = `http://127.0.0.1:${server.port}/errors/`;
    for (const method of ['POST', 'OPTIONS']) {
      await load(url, { method, duration: 1 });
      const runs: Load[] = [];
      for (let round = 0; round < ROUNDS; round++) runs.push(await measured(server, url, { method }));
      const s = summarize(runs);
      rows.push({ platform, case: method === 'POST' ? '405 (POST)' : 'OPTIONS', variant: 'class view', ...s, ratio: null });
      console.log(`${platform} ${method}: ${s.rps} req/s`);
    }
  } finally {
    server.stop();
  }
}

async function bareCase(platform: Platform) {
  const server = await startServer(['bare', platform]);
  try {
    const url = `http://127.0.0.1:${server.port}/bare/`;
    await load(url, { duration: 1 });
    const runs: Load[] = [];
    for (let round = 0; round < ROUNDS; round++) runs.push(await measured(server, url));
    const s = summarize(runs);
    rows.push({ platform, case: 'bare platform', variant: platform, ...s, ratio: null });
    console.log(`${platform} bare: ${s.rps} req/s`);
  } finally {
    server.stop();
  }
}

function startupOnce(variant: string, platform: Platform): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'startup.js'), variant, '1000', platform], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(Number(/STARTUP ([\d.]+)/.exec(out)?.[1])) : reject(new Error(`startup ${code}`))));
  });
}

async function startup(platform: Platform) {
  const times = { view: [] as number[], controller: [] as number[], 'all-controller': [] as number[] };
  for (let round = 0; round < ROUNDS + 1; round++) {
    const order = round % 2 === 0 ? (['view', 'controller', 'all-controller'] as const) : (['all-controller', 'controller', 'view'] as const);
    for (const variant of order) times[variant].push(await startupOnce(variant, platform));
  }
  const view = median(times.view);
  const controller = median(times.controller);
  const allController = median(times['all-controller']);
  console.log(
    `${platform} start-up, 1,000 routes: views ${view} ms, @Get controllers ${controller} ms (ratio ${(view / controller).toFixed(3)}), @All controllers ${allController} ms (ratio ${(view / allController).toFixed(3)})`,
  );
  return {
    platform,
    viewsMs: view,
    controllersMs: controller,
    ratio: +(view / controller).toFixed(3),
    allControllersMs: allController,
    ratioToAll: +(view / allController).toFixed(3),
    runs: times,
  };
}

async function memory(platform: Platform) {
  const server = await startServer(['plain', 'view', platform]);
  try {
    const url = `http://127.0.0.1:${server.port}/plain/`;
    await load(url, { amount: 20_000 });
    const before = await server.heap();
    await load(url, { amount: MEMORY_REQUESTS });
    const after = await server.heap();
    const growth = after - before;
    console.log(`${platform} heap after GC: ${(before / 1e6).toFixed(2)} MB before, ${(after / 1e6).toFixed(2)} MB after ${MEMORY_REQUESTS} requests`);
    return { platform, requests: MEMORY_REQUESTS, heapBefore: before, heapAfter: after, growthBytes: growth };
  } finally {
    server.stop();
  }
}

const started = new Date();
const startupResults = [];
const memoryResults = [];
for (const platform of PLATFORMS) {
  for (const benchCase of ['plain', 'guarded', 'template', 'list'] as const) {
    if (wanted(benchCase)) await twinCase(platform, benchCase);
  }
  if (wanted('control')) await controlCase(platform);
  if (wanted('errors')) await errorsCase(platform);
  if (wanted('bare')) await bareCase(platform);
  if (wanted('startup')) startupResults.push(await startup(platform));
  if (wanted('memory')) memoryResults.push(await memory(platform));
}

console.log('\nRequests per second (median of rounds), latency in ms');
console.table(rows.map(({ rounds: _rounds, pairedRounds: _pairedRounds, p50: _p50, p99: _p99, ...row }) => row));
console.table(startupResults.map(({ runs: _runs, ...row }) => row));
console.table(memoryResults);

const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryBytes: totalmem() };
const settings = { duration: DURATION, rounds: ROUNDS, pairedRounds: PAIRED_ROUNDS, connections: CONNECTIONS, pinned: PIN };
mkdirSync(join(root, 'bench/results'), { recursive: true });
const file = join(root, 'bench/results', `${started.toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ date: started, machine, settings, throughput: rows, startup: startupResults, memory: memoryResults }, null, 2)}\n`);
console.log(`\nwritten ${file}`);
