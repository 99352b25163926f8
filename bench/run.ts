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
 * controller's in the same round, `pairedCpuRatio` the same for CPU per request, and
 * `pairedInterval` a 95 % interval for `pairedRatio` (pairs of processes resampled). An A/A
 * control (the plain controller against a second copy of itself) gives the noise floor
 * of both methods. The two autocannons swap which starts first every round. Where `taskset`
 * works (Linux, 2+ CPUs), servers run on CPU 0 and autocannon on the others, so the load
 * generator never takes the servers' core.
 *
 * Start-up: a fresh process per run, alternating; median wall time, the median of each
 * round's ratio, CPU time, and (with valgrind) instructions counted by callgrind.
 *
 * Knobs (environment): BENCH_DURATION seconds per round (3), BENCH_ROUNDS (4),
 * BENCH_PAIRED_ROUNDS (6), BENCH_PAIRED_PROCESSES (3: fresh server pairs the paired rounds are
 * spread over), BENCH_CONNECTIONS (50), BENCH_PLATFORMS (express,fastify),
 * BENCH_MEMORY_REQUESTS (200000), BENCH_STARTUP_RUNS (11), BENCH_CALLGRIND (1 where valgrind is
 * installed; 0 skips the instruction counts), BENCH_PIN (1; 0 leaves processes unpinned),
 * BENCH_MODE (`wrk`: the wrk-style protocol, see WRK), BENCH_WRK_RUNS (2), BENCH_WARM_UP (seconds of warm-up), BENCH_ONLY
 * (a comma-separated subset of plain,guarded,template,list,list-bs3,detail,form,create,create-schema,shape,month-archive,ceiling,django,
 * control,errors,bare,startup,memory), BENCH_AGAINST (another checkout: each view against its own there, see AGAINST), BENCH_PYTHON (/usr/bin/python3: the Python with Django and gunicorn; `bench/django/venv.sh` prints one with Django 5.2). `--quick` changes the defaults (see QUICK); the variables still win.
 *
 * The list cases serve page PAGE of BOOKS rows (sql.js for `list`, better-sqlite3 for
 * `list-bs3`); `ceiling` (Fastify) pairs each list view with the same page from bare Fastify
 * and better-sqlite3 prepared statements. Before measuring, every server of a comparison
 * that answers GET must answer the same body.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type Case, PAGE, type Platform } from './cases.js';
import { PATHS, REQUESTS } from './requests.js';

const here = import.meta.dirname;
const root = join(here, '../..');
/**
 * `--quick`: the same cases and the same JSON, from fewer and shorter rounds (half-second
 * rounds, 1 alternating pair and 2 paired on one pair of processes, 500 requests of warm-up,
 * 2 start-ups, no callgrind):
 * a few minutes instead of half an hour, for checking a change, not for the README.
 */
const QUICK = process.argv.includes('--quick');
/**
 * `BENCH_MODE=wrk`: the protocol of an outside wrk run, so that either harness can judge a
 * change: 20 keep-alive connections, the server on CPU 0 and the load generator on the other
 * CPUs, 5 s of warm-up for each server alone, then rounds of 5 s with one server loaded at a
 * time, in forward, reverse, forward order (view, twin; twin, view; view, twin), over
 * BENCH_WRK_RUNS (2) fresh pairs of processes; every response's body is checked byte for byte
 * against the one both servers answered before (a POST's status and Location). Only the twin
 * comparisons and the A/A control run. See `wrkCompare()`.
 */
const WRK = process.env.BENCH_MODE === 'wrk';
const setting = (name: string, full: number, quick: number, wrk = full) =>
  Number(process.env[name] ?? (QUICK ? quick : WRK ? wrk : full));
const DURATION = setting('BENCH_DURATION', 3, 0.5, 5);
const ROUNDS = setting('BENCH_ROUNDS', 4, 1, 3);
const PAIRED_ROUNDS = setting('BENCH_PAIRED_ROUNDS', 6, 2);
const PAIRED_PROCESSES = Math.max(1, setting('BENCH_PAIRED_PROCESSES', 3, 1));
const CONNECTIONS = setting('BENCH_CONNECTIONS', 50, 50, 20);
/** Fresh pairs of processes in the wrk-style mode. */
const WRK_RUNS = Math.max(1, setting('BENCH_WRK_RUNS', 2, 1));
const PLATFORMS = (process.env.BENCH_PLATFORMS ?? 'express,fastify').split(',') as Platform[];
const MEMORY_REQUESTS = setting('BENCH_MEMORY_REQUESTS', 200_000, 20_000);
const STARTUP_RUNS = setting('BENCH_STARTUP_RUNS', 11, 2);
/** Warm-up before measuring a server: one second of load, or 500 requests with `--quick`. */
const WARM_UP = process.env.BENCH_WARM_UP
  ? { duration: Number(process.env.BENCH_WARM_UP) }
  : QUICK
    ? { amount: 500 }
    : { duration: WRK ? 5 : 1 };
/** Count start-up instructions too, when valgrind is installed (BENCH_CALLGRIND=0 skips it). */
const CALLGRIND =
  process.env.BENCH_CALLGRIND !== '0' &&
  !(QUICK && !process.env.BENCH_CALLGRIND) &&
  spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;
/**
 * `BENCH_AGAINST=<checkout>`: judge a change. Each view case pairs this checkout's view with
 * the same view served by another checkout of the project (its `dist-bench/`, built by
 * `npx tsc -p bench/tsconfig.json` there): `pairedRatio` is this code's requests/s over that
 * code's, both servers loaded together. No twins, no other cases but the A/A control.
 */
const AGAINST = process.env.BENCH_AGAINST ? resolve(process.env.BENCH_AGAINST) : undefined;
const ONLY = process.env.BENCH_ONLY?.split(',');
const wanted = (name: string) => !ONLY || ONLY.includes(name);
/** Servers on CPU 0, autocannon on the other CPUs, when `taskset` can do it. */
const PIN =
  process.env.BENCH_PIN !== '0' &&
  cpus().length >= 2 &&
  spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' }).status === 0;
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
  /** Answers with another status than the expected one, or (with `expectBody`) another body. */
  unexpected: number;
}

/**
 * The Python with Django and gunicorn: Debian's packages (python3-django 3.2, gunicorn 20.1) by
 * default, or the venv that `bench/django/venv.sh` makes (Django 5.2, gunicorn 26).
 */
const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
const DJANGO = spawnSync(PYTHON, ['-c', 'import django, gunicorn; print(django.get_version(), gunicorn.__version__)'], {
  encoding: 'utf8',
});
const [DJANGO_VERSION, GUNICORN_VERSION] = DJANGO.status === 0 ? DJANGO.stdout.trim().split(' ') : [null, null];

function startServer(args: string[], script = join(here, 'server.js')): Promise<Server> {
  const command: [string, string[]] =
    args[0] === 'django'
      ? [PYTHON, [join(root, 'bench/django/serve.py')]]
      : [process.execPath, ['--expose-gc', script, ...args]];
  const child = spawn(...pinned('0', ...command), {
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

/** What a load sends besides GET: another method, headers, a body; and the status it is answered with (200). */
interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  status?: number;
}

/** The one load-generator process (`loader.ts`), started on first use. */
let loader: { send(options: object): Promise<Record<string, any>>; stop(): void } | undefined;

function startLoader(): NonNullable<typeof loader> {
  const child = spawn(...pinned(LOAD_CPUS, process.execPath, [join(here, 'loader.js')]), {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pending = new Map<number, { resolve(result: Record<string, any>): void; reject(error: Error): void }>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const { id, result, error } = JSON.parse(line) as { id: number; result?: Record<string, any>; error?: string };
    const waiter = pending.get(id)!;
    pending.delete(id);
    if (error) waiter.reject(new Error(`autocannon: ${error}`));
    else waiter.resolve(result!);
  });
  child.once('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the load generator exited with ${code}`));
  });
  let nextId = 0;
  return {
    send: (options) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.stdin!.write(`${JSON.stringify({ id, options })}\n`);
      }),
    stop: () => {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}

/** How a load runs, besides the request: its length (seconds or requests), connections, and what every answer must be. */
interface LoadOptions extends RequestOptions {
  duration?: number;
  amount?: number;
  connections?: number;
  /** The body every answer must have, byte for byte (autocannon counts the others). */
  expectBody?: string;
}

async function load(url: string, options: LoadOptions = {}): Promise<Load> {
  loader ??= startLoader();
  const result = await loader.send({
    url,
    connections: options.connections ?? CONNECTIONS,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    expectBody: options.expectBody,
    // autocannon checks whether to stop once per sample: every 1 s by default, which made
    // every load, a 500-request warm-up too, last whole seconds.
    sampleInt: 100,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? DURATION }),
  });
  return {
    // Requests over the load's own duration: autocannon's `requests.average` is a mean of
    // whole seconds, which a half-second `--quick` round does not have.
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: result.requests.total,
    unexpected: unexpectedAnswers(result, options.status ?? 200),
  };
}

/** The answers of an autocannon result with another status than `status`, plus its mismatched bodies. */
function unexpectedAnswers(result: Record<string, any>, status: number): number {
  let other = result.mismatches ?? 0;
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}) as Array<[string, { count: number }]>) {
    if (Number(code) !== status) other += stats.count;
  }
  return other;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A seeded generator of numbers in [0, 1) (mulberry32), so that intervals repeat. */
function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 95 % interval for the median of the paired rounds: the pairs of processes are resampled
 * (2,000 times, fixed seed), not the rounds, because a process keeps its few percent of luck for
 * its whole life, so the rounds of one pair are not independent. `null` with fewer than 2 pairs.
 */
function intervalOfPairs(rounds: number[], perPair: number): { low: number; high: number; pairs: number } | null {
  const pairs: number[][] = [];
  for (let i = 0; i < rounds.length; i += perPair) pairs.push(rounds.slice(i, i + perPair));
  if (pairs.length < 2) return null;
  const random = seededRandom(1);
  const medians: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const sample: number[] = [];
    for (let j = 0; j < pairs.length; j++) sample.push(...pairs[Math.floor(random() * pairs.length)]);
    medians.push(median(sample));
  }
  medians.sort((a, b) => a - b);
  return { low: +medians[50].toFixed(3), high: +medians[1949].toFixed(3), pairs: pairs.length };
}
/** Load `url` while measuring the server's CPU time per request. */
async function measured(server: Server, url: string, options: LoadOptions = {}): Promise<Load> {
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

const rows: Array<Record<string, unknown>> = [];

/** One side of a comparison: a server and the URL it is loaded at. */
interface Side {
  server: Server;
  url: string;
  request?: RequestOptions;
}

/** Both sides loaded at the same time, each by its own autocannon with half the connections. */
async function pairedRound(a: Side, b: Side, bFirst: boolean): Promise<{ rpsRatio: number; cpuRatio: number }> {
  const [a0, b0] = await Promise.all([a.server.cpu(), b.server.cpu()]);
  const connections = Math.max(1, Math.round(CONNECTIONS / 2));
  // The load started first gets a head start of a few ms: alternate it between rounds.
  const [la, lb] = bFirst
    ? await Promise.all([load(b.url, { ...b.request, connections }), load(a.url, { ...a.request, connections })]).then(
        ([fromB, fromA]) => [fromA, fromB] as const,
      )
    : await Promise.all([load(a.url, { ...a.request, connections }), load(b.url, { ...b.request, connections })]);
  const [a1, b1] = await Promise.all([a.server.cpu(), b.server.cpu()]);
  if (la.unexpected || lb.unexpected || la.errors || lb.errors)
    throw new Error(`paired round: unexpected answers or errors (${a.url}, ${b.url})`);
  const cpuA = (a1 - a0) / Math.max(1, la.requests ?? 1);
  const cpuB = (b1 - b0) / Math.max(1, lb.requests ?? 1);
  return { rpsRatio: la.rps / lb.rps, cpuRatio: cpuB / cpuA };
}

/** Both servers must answer the same status and body: only the code serving it may differ. */
async function sameBody(a: string, b: string): Promise<void> {
  const [ra, rb] = await Promise.all([fetch(a), fetch(b)]);
  const [ba, bb] = await Promise.all([ra.text(), rb.text()]);
  if (ra.status !== 200 || rb.status !== 200 || ba !== bb) {
    throw new Error(
      `${a} and ${b} answer differently: ${ra.status} ${JSON.stringify(ba.slice(0, 200))} against ${rb.status} ${JSON.stringify(bb.slice(0, 200))}`,
    );
  }
}

/** Start the two servers of a comparison (fresh processes each call). */
type StartPair = () => Promise<[Side, Side]>;

/**
 * Measure `a` against `b`: alternating rounds (ABBA) on one pair of processes, then paired
 * rounds spread over PAIRED_PROCESSES fresh pairs. Two processes of the same server differ
 * by a few percent for the whole of their lives (what V8 happened to inline, where the
 * heap landed), which no number of rounds on one pair can cancel; new pairs do. Returns
 * the summaries and the ratios of `a` to `b` (above 1: `a` is faster or cheaper).
 */
async function compare(startPair: StartPair) {
  let [a, b] = await startPair();
  try {
    // The form case posts: its view and controller answer the same redirect, not a page.
    if (!a.request?.method) await sameBody(a.url, b.url);
    await Promise.all([load(a.url, { ...a.request, ...WARM_UP }), load(b.url, { ...b.request, ...WARM_UP })]);
    const runs = { a: [] as Load[], b: [] as Load[] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: Array<'a' | 'b'> = round % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
      for (const side of order) {
        const { server, url, request } = side === 'a' ? a : b;
        runs[side].push(await measured(server, url, request));
      }
    }
    const paired: Array<{ rpsRatio: number; cpuRatio: number }> = [];
    const perPair = Math.ceil(PAIRED_ROUNDS / PAIRED_PROCESSES);
    for (let round = 0; round < PAIRED_ROUNDS; round++) {
      if (round > 0 && round % perPair === 0) {
        a.server.stop();
        b.server.stop();
        [a, b] = await startPair();
        await Promise.all([load(a.url, { ...a.request, ...WARM_UP }), load(b.url, { ...b.request, ...WARM_UP })]);
      }
      paired.push(await pairedRound(a, b, round % 2 === 1));
    }
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
      pairedInterval: intervalOfPairs(
        paired.map((p) => p.rpsRatio),
        perPair,
      ),
    };
  } finally {
    a.server.stop();
    b.server.stop();
  }
}

type Comparison = Awaited<ReturnType<typeof compare>>;

/**
 * What both sides answer `side`'s request with, checked equal: the status, the `Location` of
 * a redirect, and the body byte for byte (but a redirect's: Express writes a line of text
 * there, Fastify and the library nothing). Returns the body every answer of a load must have,
 * or `undefined` for a POST (its body names the new row, which changes with every request).
 */
async function sameAnswer(a: Side, b: Side): Promise<string | undefined> {
  const answer = async (side: Side) => {
    const response = await fetch(side.url, {
      method: side.request?.method,
      headers: side.request?.headers,
      body: side.request?.body,
      redirect: 'manual',
    });
    return { status: response.status, location: response.headers.get('location'), body: await response.text() };
  };
  const [ra, rb] = await Promise.all([answer(a), answer(b)]);
  const status = a.request?.status ?? 200;
  const redirect = status >= 300 && status < 400;
  if (
    ra.status !== status ||
    rb.status !== status ||
    ra.location !== rb.location ||
    (!redirect && ra.body !== rb.body)
  ) {
    throw new Error(
      `${a.url} and ${b.url} answer differently: ${JSON.stringify(ra).slice(0, 300)} against ${JSON.stringify(rb).slice(0, 300)}`,
    );
  }
  return a.request?.method ? undefined : ra.body;
}

/**
 * Measure `a` against `b` as an outside wrk run does (`BENCH_MODE=wrk`): for each of
 * WRK_RUNS fresh pairs of processes, the answers checked equal, a warm-up of each server
 * alone, then ROUNDS rounds in forward/reverse order (a b, b a, a b), one server loaded at a
 * time with CONNECTIONS keep-alive connections, every answer checked. `ratio` is the median
 * over rounds of a's requests/s over b's in the same round, `runRatios` each run's median;
 * `cpuRatio` the same for the server's CPU time per request (b's over a's), which a load
 * generator at its limit does not flatten.
 */
async function wrkCompare(startPair: StartPair) {
  const loads = { a: [] as Load[], b: [] as Load[] };
  const roundRatios: number[] = [];
  const cpuRatios: number[] = [];
  const runRatios: number[] = [];
  for (let run = 0; run < WRK_RUNS; run++) {
    const [a, b] = await startPair();
    try {
      const body = await sameAnswer(a, b);
      const options = (side: Side): LoadOptions => ({ ...side.request, expectBody: body });
      for (const side of [a, b]) await load(side.url, { ...options(side), ...WARM_UP });
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
        const got: Partial<Record<'a' | 'b', Load>> = {};
        for (const name of order) {
          const side = name === 'a' ? a : b;
          const result = await measured(side.server, side.url, options(side));
          if (result.unexpected || result.errors)
            throw new Error(`${side.url}: ${result.unexpected} unexpected answers, ${result.errors} errors`);
          got[name] = result;
          loads[name].push(result);
        }
        ratios.push(got.a!.rps / got.b!.rps);
        cpuRatios.push(got.b!.cpuPerRequest! / got.a!.cpuPerRequest!);
      }
      roundRatios.push(...ratios);
      runRatios.push(+median(ratios).toFixed(3));
    } finally {
      a.server.stop();
      b.server.stop();
    }
  }
  return {
    a: summarize(loads.a),
    b: summarize(loads.b),
    ratio: +median(roundRatios).toFixed(3),
    cpuRatio: +median(cpuRatios).toFixed(3),
    runRatios,
    roundRatios: roundRatios.map((ratio) => +ratio.toFixed(3)),
  };
}

/** Record a wrk-style comparison of side `a` (the class view, or the control's first process) against `other`. */
function reportWrk(
  platform: Platform,
  name: string,
  other: string,
  result: Awaited<ReturnType<typeof wrkCompare>>,
  first = 'class view',
): void {
  const { ratio, cpuRatio, runRatios, roundRatios } = result;
  rows.push({
    platform,
    case: name,
    variant: first,
    mode: 'wrk',
    ...result.a,
    ratio,
    cpuRatio,
    runRatios,
    roundRatios,
  });
  rows.push({ platform, case: name, variant: other, mode: 'wrk', ...result.b, ratio: 1, cpuRatio: 1 });
  console.log(
    `${platform} ${name} (wrk-style, ${CONNECTIONS} connections): ${first} ${result.a.rps} req/s ${result.a.cpuUs} µs CPU/req, ${other} ${result.b.rps} req/s ${result.b.cpuUs} µs CPU/req, ` +
      `ratio ${ratio} (runs ${runRatios.join(', ')}; CPU ${cpuRatio})`,
  );
}

/**
 * Record a comparison whose side `a` is the class view: its two rows, and its console line.
 * `other` names side `b` in the rows (`variant`) and on the console (`label`).
 */
function report(platform: Platform, name: string, other: { variant: string; label: string }, result: Comparison): void {
  const { ratio, cpuRatio, pairedRatio, pairedCpuRatio, pairedRounds, pairedInterval } = result;
  rows.push({
    platform,
    case: name,
    variant: 'class view',
    ...result.a,
    ratio,
    cpuRatio,
    pairedRatio,
    pairedCpuRatio,
    pairedRounds,
    pairedInterval,
  });
  rows.push({
    platform,
    case: name,
    variant: other.variant,
    ...result.b,
    ratio: 1,
    cpuRatio: 1,
    pairedRatio: 1,
    pairedCpuRatio: 1,
  });
  console.log(
    `${platform} ${name}: view ${result.a.rps} req/s ${result.a.cpuUs} µs CPU/req, ${other.label} ${result.b.rps} req/s ${result.b.cpuUs} µs CPU/req, ` +
      `ratio ${ratio} (CPU ${cpuRatio}); paired ratio ${pairedRatio}${interval(pairedInterval)} (CPU ${pairedCpuRatio})`,
  );
}

/** How a paired interval reads on the console: with few pairs it is rough, so it says how many. */
function interval(bounds: { low: number; high: number; pairs: number } | null): string {
  return bounds ? ` [95 % ${bounds.low}–${bounds.high}, ${bounds.pairs} pairs]` : '';
}

async function twinCase(platform: Platform, benchCase: Case) {
  if (AGAINST) return againstCase(platform, benchCase, AGAINST);
  const startPair: StartPair = async () => {
    const [view, controller] = await Promise.all([
      startServer([benchCase, 'view', platform]),
      startServer([benchCase, 'controller', platform]),
    ]);
    return [
      { server: view, url: `http://127.0.0.1:${view.port}${PATHS[benchCase].view}`, request: REQUESTS[benchCase] },
      {
        server: controller,
        url: `http://127.0.0.1:${controller.port}${PATHS[benchCase].controller}`,
        request: REQUESTS[benchCase],
      },
    ];
  };
  if (WRK) reportWrk(platform, benchCase, 'controller', await wrkCompare(startPair));
  else report(platform, benchCase, { variant: 'controller', label: 'controller' }, await compare(startPair));
}

/** The view of `benchCase` against the same view served by the checkout `against` (`BENCH_AGAINST`). */
async function againstCase(platform: Platform, benchCase: Case, against: string) {
  const script = join(against, 'dist-bench/bench/server.js');
  if (!existsSync(script))
    throw new Error(`BENCH_AGAINST: no ${script}; run npx tsc -p bench/tsconfig.json in ${against}`);
  const startPair: StartPair = async () => {
    const started = await Promise.allSettled([
      startServer([benchCase, 'view', platform]),
      startServer([benchCase, 'view', platform], script),
    ]);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      for (const result of started) if (result.status === 'fulfilled') result.value.stop();
      throw failed.reason;
    }
    const [view, before] = started.map((result) => (result as PromiseFulfilledResult<Server>).value) as [
      Server,
      Server,
    ];
    const side = (server: Server): Side => ({
      server,
      url: `http://127.0.0.1:${server.port}${PATHS[benchCase].view}`,
      request: REQUESTS[benchCase],
    });
    return [side(view), side(before)];
  };
  let result: Comparison;
  try {
    result = await compare(startPair);
  } catch (error) {
    // A case the other checkout does not have yet: its server exits at once.
    console.log(`${platform} ${benchCase}: skipped against ${against} (${(error as Error).message})`);
    return;
  }
  report(platform, benchCase, { variant: `class view at ${against}`, label: 'before' }, result);
}

/** The list view (Fastify) against another server of the same page, `/list/?page=PAGE` (`ceiling` or `django`). */
function listViewAgainst(benchCase: 'list' | 'list-bs3', other: 'ceiling' | 'django'): Promise<Comparison> {
  return compare(async () => {
    const [view, server] = await Promise.all([startServer([benchCase, 'view', 'fastify']), startServer([other])]);
    return [
      { server: view, url: `http://127.0.0.1:${view.port}${PATHS[benchCase].view}` },
      { server, url: `http://127.0.0.1:${server.port}/list/?page=${PAGE}` },
    ];
  });
}

/**
 * A list view (Fastify) against the ceiling: the same page from bare Fastify and
 * better-sqlite3 prepared statements, no Nest, no ORM. `pairedRatio` is the view's share
 * of the ceiling's requests/s.
 */
async function ceilingCase(benchCase: 'list' | 'list-bs3') {
  const result = await listViewAgainst(benchCase, 'ceiling');
  report(
    'fastify',
    `${benchCase} ÷ ceiling`,
    { variant: 'ceiling (bare Fastify + better-sqlite3)', label: 'ceiling' },
    result,
  );
}

/**
 * The list view (Fastify) against Django's `ListView` serving the same page (same rows,
 * same HTML) under gunicorn with one worker and one thread: `pairedRatio` is how many times the
 * view's requests/s Django's are.
 */
async function djangoCase(benchCase: 'list' | 'list-bs3') {
  const result = await listViewAgainst(benchCase, 'django');
  const variant = `Django ${DJANGO_VERSION} ListView (gunicorn ${GUNICORN_VERSION}, 1 worker)`;
  report('fastify', `${benchCase} ÷ Django ${DJANGO_VERSION}`, { variant, label: 'Django' }, result);
}

/** The noise floor: the plain controller against a second process of itself. */
async function controlCase(platform: Platform) {
  const startPair: StartPair = async () => {
    const [first, second] = await Promise.all([
      startServer(['plain', 'controller', platform]),
      startServer(['plain', 'controller', platform]),
    ]);
    return [
      { server: first, url: `http://127.0.0.1:${first.port}${PATHS.plain.controller}` },
      { server: second, url: `http://127.0.0.1:${second.port}${PATHS.plain.controller}` },
    ];
  };
  if (WRK)
    return reportWrk(platform, 'A/A control', 'controller (second process)', await wrkCompare(startPair), 'controller');
  const result = await compare(startPair);
  const { ratio, cpuRatio, pairedRatio, pairedCpuRatio, pairedRounds, pairedInterval } = result;
  rows.push({
    platform,
    case: 'A/A control',
    variant: 'controller ÷ controller',
    ...result.a,
    ratio,
    cpuRatio,
    pairedRatio,
    pairedCpuRatio,
    pairedRounds,
    pairedInterval,
  });
  console.log(
    `${platform} A/A control (plain controller twice): ratio ${ratio} (CPU ${cpuRatio}); paired ratio ${pairedRatio}${interval(pairedInterval)} (CPU ${pairedCpuRatio})`,
  );
}

async function errorsCase(platform: Platform) {
  const server = await startServer(['errors', 'view', platform]);
  try {
    const url = `http://127.0.0.1:${server.port}/errors/`;
    for (const method of ['POST', 'OPTIONS']) {
      await load(url, { method, ...WARM_UP });
      const runs: Load[] = [];
      for (let round = 0; round < ROUNDS; round++) runs.push(await measured(server, url, { method }));
      const s = summarize(runs);
      rows.push({
        platform,
        case: method === 'POST' ? '405 (POST)' : 'OPTIONS',
        variant: 'class view',
        ...s,
        ratio: null,
      });
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
    await load(url, WARM_UP);
    const runs: Load[] = [];
    for (let round = 0; round < ROUNDS; round++) runs.push(await measured(server, url));
    const s = summarize(runs);
    rows.push({ platform, case: 'bare platform', variant: platform, ...s, ratio: null });
    console.log(`${platform} bare: ${s.rps} req/s`);
  } finally {
    server.stop();
  }
}

interface StartupRun {
  /** Wall time of `NestFactory.create()` + `init()`, ms. */
  wall: number;
  /** CPU time of the process over the same span (all threads), ms. */
  cpu: number;
}

function startupOnce(variant: string, platform: Platform): Promise<StartupRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'startup.js'), variant, '1000', platform], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      const match = /STARTUP ([\d.]+) CPU ([\d.]+)/.exec(out);
      if (code === 0 && match) resolve({ wall: Number(match[1]), cpu: Number(match[2]) });
      else reject(new Error(`startup ${variant} exited with ${code}`));
    });
  });
}

/**
 * Instructions a start-up process executes, counted by valgrind's callgrind: the same
 * count whatever else the machine does (within about 1%), where wall time on a shared
 * VM moves by ±20%. V8 runs single-threaded and seeded so that the count repeats.
 */
function startupInstructions(variant: string, count: number, platform: Platform): Promise<number> {
  const args = [
    '--tool=callgrind',
    '--callgrind-out-file=/dev/null',
    process.execPath,
    '--single-threaded',
    '--hash-seed=1',
    '--random-seed=1',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', [...args, join(here, 'startup.js'), variant, String(count), platform], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      const match = /Collected : (\d+)/.exec(err);
      if (code === 0 && match) resolve(Number(match[1]));
      else reject(new Error(`callgrind ${variant} exited with ${code}`));
    });
  });
}

/**
 * Start-up with 1,000 routes, in a fresh process per run: views against `@Get()` and
 * `@All()` controllers, alternating, STARTUP_RUNS rounds. `pairedRatio` is the median of
 * each round's view ÷ `@Get()` wall time (neighbouring runs share the machine's state).
 * With valgrind, `instructionRatio` compares instructions net of a one-controller app
 * (process start, imports): (views − one) ÷ (controllers − one).
 */
async function startup(platform: Platform) {
  const variants = ['view', 'controller', 'all-controller'] as const;
  const runs = { view: [] as StartupRun[], controller: [] as StartupRun[], 'all-controller': [] as StartupRun[] };
  const roundRatios: number[] = [];
  for (let round = 0; round < STARTUP_RUNS; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) runs[variant].push(await startupOnce(variant, platform));
    roundRatios.push(runs.view[round]!.wall / runs.controller[round]!.wall);
  }
  const wall = (variant: (typeof variants)[number]) => median(runs[variant].map((run) => run.wall));
  const cpu = (variant: (typeof variants)[number]) => median(runs[variant].map((run) => run.cpu));
  const view = wall('view');
  const controller = wall('controller');
  const allController = wall('all-controller');
  let instructions: { view: number; controller: number; oneController: number; ratio: number } | undefined;
  if (CALLGRIND) {
    const [viewCount, controllerCount] = await Promise.all([
      startupInstructions('view', 1000, platform),
      startupInstructions('controller', 1000, platform),
    ]);
    const one = await startupInstructions('controller', 1, platform);
    instructions = {
      view: viewCount,
      controller: controllerCount,
      oneController: one,
      ratio: +((viewCount - one) / (controllerCount - one)).toFixed(3),
    };
  }
  console.log(
    `${platform} start-up, 1,000 routes: views ${view} ms, @Get controllers ${controller} ms (ratio ${(view / controller).toFixed(3)}, ` +
      `paired ${median(roundRatios).toFixed(3)}, CPU ${(cpu('view') / cpu('controller')).toFixed(3)}` +
      `${instructions ? `, instructions ${instructions.ratio}` : ''}), @All controllers ${allController} ms`,
  );
  return {
    platform,
    viewsMs: view,
    controllersMs: controller,
    ratio: +(view / controller).toFixed(3),
    pairedRatio: +median(roundRatios).toFixed(3),
    cpuRatio: +(cpu('view') / cpu('controller')).toFixed(3),
    instructionRatio: instructions?.ratio ?? null,
    allControllersMs: allController,
    ratioToAll: +(view / allController).toFixed(3),
    instructions,
    runs,
  };
}

async function memory(platform: Platform) {
  const server = await startServer(['plain', 'view', platform]);
  try {
    const url = `http://127.0.0.1:${server.port}/plain/`;
    await load(url, { amount: Math.min(20_000, MEMORY_REQUESTS / 4) });
    const before = await server.heap();
    await load(url, { amount: MEMORY_REQUESTS });
    const after = await server.heap();
    const growth = after - before;
    console.log(
      `${platform} heap after GC: ${(before / 1e6).toFixed(2)} MB before, ${(after / 1e6).toFixed(2)} MB after ${MEMORY_REQUESTS} requests`,
    );
    return { platform, requests: MEMORY_REQUESTS, heapBefore: before, heapAfter: after, growthBytes: growth };
  } finally {
    server.stop();
  }
}

const started = new Date();
const startupResults = [];
const memoryResults = [];
/** Seconds each part of the run took, written with the results. */
const phases: Record<string, number> = {};
async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await run();
  } finally {
    phases[name] = +((Date.now() - start) / 1000).toFixed(1);
  }
}
for (const platform of PLATFORMS) {
  for (const benchCase of [
    'plain',
    'guarded',
    'template',
    'list',
    'list-bs3',
    'detail',
    'form',
    'create',
    'create-schema',
    'shape',
    'month-archive',
  ] as const) {
    if (wanted(benchCase)) await timed(`${platform} ${benchCase}`, () => twinCase(platform, benchCase));
  }
  // The wrk-style mode and BENCH_AGAINST compare views only (and the A/A control).
  if (WRK || AGAINST) {
    if (wanted('control')) await timed(`${platform} control`, () => controlCase(platform));
    continue;
  }
  if (platform === 'fastify' && wanted('ceiling')) {
    await timed('fastify ceiling', async () => {
      await ceilingCase('list-bs3');
      await ceilingCase('list');
    });
  }
  if (platform === 'fastify' && wanted('django')) {
    if (!DJANGO_VERSION)
      console.log(
        `django: skipped, ${PYTHON} has no django and gunicorn (apt-get install python3-django gunicorn, or BENCH_PYTHON=$(bench/django/venv.sh))`,
      );
    else {
      await timed('fastify django', async () => {
        await djangoCase('list-bs3');
        await djangoCase('list');
      });
    }
  }
  if (wanted('control')) await timed(`${platform} control`, () => controlCase(platform));
  if (wanted('errors')) await timed(`${platform} errors`, () => errorsCase(platform));
  if (wanted('bare')) await timed(`${platform} bare`, () => bareCase(platform));
  if (wanted('startup')) startupResults.push(await timed(`${platform} startup`, () => startup(platform)));
  if (wanted('memory')) memoryResults.push(await timed(`${platform} memory`, () => memory(platform)));
}

console.log('\nRequests per second (median of rounds), latency in ms');
console.table(
  rows.map(
    ({
      rounds: _rounds,
      pairedRounds: _pairedRounds,
      pairedInterval: _pairedInterval,
      runRatios: _runRatios,
      roundRatios: _roundRatios,
      p50: _p50,
      p99: _p99,
      ...row
    }) => row,
  ),
);
console.table(startupResults.map(({ runs: _runs, instructions: _instructions, ...row }) => row));
console.table(memoryResults);

const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryBytes: totalmem() };
loader?.stop();
const seconds = Math.round((Date.now() - started.getTime()) / 1000);
const settings = {
  mode: WRK ? 'wrk' : 'paired',
  wrkRuns: WRK ? WRK_RUNS : undefined,
  quick: QUICK,
  seconds,
  phases,
  django: DJANGO_VERSION,
  gunicorn: GUNICORN_VERSION,
  duration: DURATION,
  rounds: ROUNDS,
  pairedRounds: PAIRED_ROUNDS,
  pairedProcesses: PAIRED_PROCESSES,
  connections: CONNECTIONS,
  pinned: PIN,
  startupRuns: STARTUP_RUNS,
  callgrind: CALLGRIND,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
const file = join(root, 'bench/results', `${started.toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ date: started, machine, settings, throughput: rows, startup: startupResults, memory: memoryResults }, null, 2)}\n`,
);
console.log(
  `\nwritten ${file}\n${QUICK ? 'quick run' : 'full run'}: ${Math.floor(seconds / 60)} min ${seconds % 60} s`,
);
