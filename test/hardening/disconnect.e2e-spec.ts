import { describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { connect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ClassViewsModule, HttpResponse, path, View } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS, sleep } from '../utils/platforms.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** 256 KB: the client can leave while it is still being sent. */
const BIG = 'x'.repeat(256 * 1024);

class BigView extends View {
  get() {
    return new HttpResponse(BIG, { contentType: 'text/plain' });
  }
}

/** Answers after the client has gone. */
class SlowView extends View {
  async get() {
    await sleep(20);
    return new HttpResponse('late');
  }
}

/** Send a request, then hang up: after the first bytes of the answer, or at once. */
function hangUp(port: number, url: string, when: 'first-bytes' | 'at-once'): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    socket.on('close', () => resolve());
    socket.write(`GET ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    if (when === 'at-once') socket.end(() => socket.destroy());
    else socket.once('data', () => socket.destroy());
  });
}

/** Heap and Buffers (a response body written as bytes is outside the heap). */
const memory = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
};

const sockets = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;

async function settle(app: INestApplication): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<number>((resolve) =>
      app.getHttpServer().getConnections((_: unknown, n: number) => resolve(n)),
    );
    if (open === 0) break;
    await sleep(10);
  }
  await sleep(50); // the slow views still running finish and write to nobody
  gc();
  gc();
}

/** Run `total` hang-ups, `concurrency` at a time. */
async function hangUps(port: number, total: number, concurrency = 10): Promise<void> {
  let next = 0;
  const cases = [
    ['/big/', 'first-bytes'],
    ['/slow/', 'at-once'],
    ['/big/', 'at-once'],
  ] as const;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const [url, when] = cases[next++ % cases.length]!;
        await hangUp(port, url, when);
      }
    }),
  );
}

describe.each(PLATFORMS)('clients that disconnect mid-response on %s', (platform) => {
  const served = useTestApp(
    platform,
    {
      imports: [
        ClassViewsModule.forRoot({ urlpatterns: [path('big/', BigView.asView()), path('slow/', SlowView.asView())] }),
      ],
    },
    { listen: true },
  );

  it('leak no memory, sockets or connections over 500 disconnects, and the app keeps serving', async () => {
    await hangUps(served.port, 30); // warm-up: JIT, pools, lazily built state
    await settle(served.app);
    const memoryBefore = memory();
    const socketsBefore = sockets();

    let t = Date.now();
    await hangUps(served.port, 500);
    const tHang = Date.now() - t;
    t = Date.now();
    await settle(served.app);
    if (process.env.REPORT_LEAKS) console.log(platform, `hang-ups ${tHang} ms, settle ${Date.now() - t} ms`);

    const grown = memory() - memoryBefore;
    if (process.env.REPORT_LEAKS)
      console.log(platform, `grown ${(grown / 1024).toFixed(0)} KB`, `sockets ${socketsBefore} -> ${sockets()}`);
    // One 256 KB body kept per disconnect would be 80+ MB; allow noise only.
    expect(grown).toBeLessThan(8 * 1024 * 1024);
    expect(sockets()).toBeLessThanOrEqual(socketsBefore);
    const res = await fetch(`http://127.0.0.1:${served.port}/slow/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('late');
  }, 60_000); // 530 hang-ups of 256 KB bodies: a few seconds alone, far more on a busy machine
});
