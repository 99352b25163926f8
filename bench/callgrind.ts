/**
 * What one request costs a bench server, counted by valgrind's callgrind: instructions,
 * D1 read misses and mispredicted branches, the same whatever else the machine does.
 *
 *   node dist-bench/bench/callgrind.js <case> <variant> <platform> [top]
 *
 * The server (`server.js <case> <variant> <platform>`) runs under callgrind with cache and
 * branch simulation and instrumentation off; 10,000 sequential keep-alive requests warm it up
 * (the JIT settles), then instrumentation is turned on for 5,000 more (BENCH_CALLGRIND_WARM_UP,
 * BENCH_CALLGRIND_REQUESTS). Prints one JSON line with the counts per request and, with `top`,
 * the `top` functions by instructions (JS functions named from Node's perf map). The raw
 * callgrind file stays in the system's temporary folder for callgrind_annotate.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Case, type Platform, type Variant } from './cases.js';
import { BENCH_REQUESTS, type BenchRequest } from './requests.js';

const here = import.meta.dirname;
const [benchCase, variant, platform, topArg] = process.argv.slice(2) as [Case, Variant, Platform, string | undefined];
const WARM_UP = Number(process.env.BENCH_CALLGRIND_WARM_UP ?? 10_000);
const COUNTED = Number(process.env.BENCH_CALLGRIND_REQUESTS ?? 5_000);
const TOP = Number(topArg ?? 0);

const out = join(tmpdir(), `callgrind.${benchCase}.${variant}.${platform}.${process.pid}`);
const valgrind = [
  '--tool=callgrind',
  '--cache-sim=yes',
  '--branch-sim=yes',
  '--instr-atstart=no',
  '--dump-instr=yes',
  '--compress-pos=no',
  '--compress-strings=no',
  '--dump-line=no',
  `--callgrind-out-file=${out}`,
];
const node = ['--single-threaded', '--perf-basic-prof', '--hash-seed=1', '--random-seed=1'];
const child = spawn(
  'valgrind',
  [...valgrind, process.execPath, ...node, join(here, 'server.js'), benchCase, variant, platform],
  {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'pipe'],
  },
);
let stderr = '';
child.stderr!.on('data', (chunk) => (stderr += chunk));
const port = await new Promise<number>((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`server exited with ${code}\n${stderr}`)));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const match = /^READY (\d+)$/.exec(line);
    if (match) resolve(Number(match[1]));
  });
});

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const {
  path,
  method,
  headers,
  body,
  status: expected = 200,
}: BenchRequest = BENCH_REQUESTS[benchCase][variant === 'view' ? 'view' : 'controller'];

/**
 * One request on the kept-alive connection. Under valgrind a pause (callgrind_control waiting)
 * can outlast the server's keep-alive timeout (Node's 5 s on Express): a connection the server
 * closed is reset, and the request is sent again on a new one.
 */
function once(retry = true): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      retry && error.code === 'ECONNRESET' ? once(false).then(resolve, reject) : reject(error),
    );
    req.end(body);
  });
}

async function run(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const status = await once();
    if (status !== expected) throw new Error(`${method ?? 'GET'} ${path} answered ${status}, not ${expected}`);
  }
}

/**
 * Send callgrind a command and wait for its answer; valgrind reads commands while the server
 * runs code, so one request at a time goes to it until the answer comes.
 */
async function control(...args: string[]): Promise<void> {
  const done = new Promise<number | null>((resolve) =>
    spawn('callgrind_control', [...args, String(child.pid)], { stdio: 'ignore' }).once('exit', resolve),
  );
  let answered = false;
  void done.then(() => (answered = true));
  while (!answered) await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 50))]);
  if ((await done) !== 0) throw new Error(`callgrind_control ${args.join(' ')} failed`);
}

await run(WARM_UP);
await control('-i', 'on');
await run(COUNTED);
await control('-i', 'off');
await control('-d');
agent.destroy();
child.kill();
await new Promise((resolve) => child.once('exit', resolve));

// The dump made by `-d` is `<out>.1`; the one at exit has nothing counted after `-i off`.
const file = existsSync(`${out}.1`) ? `${out}.1` : out;
const { totals, functions } = parseCallgrind(readFileSync(file, 'utf8'), perfMap(`/tmp/perf-${child.pid}.map`));
const perRequest = (event: string) => +((totals.get(event) ?? 0) / COUNTED).toFixed(1);
console.log(
  JSON.stringify({
    case: benchCase,
    variant,
    platform,
    requests: COUNTED,
    instructions: perRequest('Ir'),
    d1ReadMisses: perRequest('D1mr'),
    d1WriteMisses: perRequest('D1mw'),
    mispredictedBranches: +(((totals.get('Bcm') ?? 0) + (totals.get('Bim') ?? 0)) / COUNTED).toFixed(1),
    file,
  }),
);
if (TOP > 0) {
  const rows = [...functions].sort((a, b) => b[1].Ir - a[1].Ir).slice(0, TOP);
  for (const [name, cost] of rows) {
    console.log(
      `${(cost.Ir / COUNTED).toFixed(0).padStart(7)} Ir ${(cost.D1mr / COUNTED).toFixed(1).padStart(6)} D1mr ${(cost.Bm / COUNTED).toFixed(1).padStart(6)} Bm  ${name}`,
    );
  }
}

/**
 * The JIT code's address ranges and names, from Node's `--perf-basic-prof` map (sorted, none
 * overlapping). The map only grows: when the garbage collector frees code, its addresses are used
 * again for code compiled later, so an entry names its range only where no later entry overlaps it.
 */
function perfMap(file: string): Array<[number, number, string]> {
  if (!existsSync(file)) return [];
  const entries: Array<[number, number, string]> = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line);
    if (match) entries.push([parseInt(match[1]!, 16), parseInt(match[2]!, 16), match[3]!]);
  }
  // Newest first: an entry is kept unless a kept (newer) one overlaps it.
  const kept: Array<[number, number, string]> = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (kept[mid]![0] < entry[0]) low = mid + 1;
      else high = mid;
    }
    const before = kept[low - 1];
    const after = kept[low];
    if (before && before[0] + before[1] > entry[0]) continue;
    if (after && entry[0] + entry[1] > after[0]) continue;
    kept.splice(low, 0, entry);
  }
  return kept;
}

/**
 * The file's totals per event, and the self cost of each function: a cost line (`address
 * Ir Dr …`, positions as instructions only) counts for the function whose code holds the address
 * is looked up in the perf map first (JIT code has no symbol for valgrind), else the
 * function callgrind names.
 */
function parseCallgrind(text: string, map: Array<[number, number, string]>) {
  let events: string[] = [];
  const totals = new Map<string, number>();
  const functions = new Map<string, { Ir: number; D1mr: number; Bm: number }>();
  let fn = '';
  let inCall = false;
  const name = (address: number) => {
    let low = 0;
    let high = map.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [start, size, symbol] = map[mid]!;
      if (address < start) high = mid - 1;
      else if (address >= start + size) low = mid + 1;
      else return symbol;
    }
    return fn;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('events:')) events = line.slice(7).trim().split(/\s+/);
    else if (line.startsWith('totals:')) {
      const values = line.slice(7).trim().split(/\s+/);
      for (const [i, value] of values.entries()) totals.set(events[i]!, Number(value));
    } else if (line.startsWith('fn=')) fn = line.slice(3);
    else if (line.startsWith('calls=')) inCall = true;
    else if (/^0x[0-9a-f]+ /.test(line)) {
      const parts = line.split(' ');
      // The line after `calls=` is the inclusive cost of the call: counted in the callee.
      if (inCall) {
        inCall = false;
        continue;
      }
      const symbol = name(parseInt(parts[0]!, 16));
      const row = functions.get(symbol) ?? { Ir: 0, D1mr: 0, Bm: 0 };
      for (let i = 0; i < events.length; i++) {
        const value = Number(parts[i + 1] ?? 0);
        if (events[i] === 'Ir') row.Ir += value;
        if (events[i] === 'D1mr') row.D1mr += value;
        if (events[i] === 'Bcm' || events[i] === 'Bim') row.Bm += value;
      }
      functions.set(symbol, row);
    }
  }
  return { totals, functions };
}
