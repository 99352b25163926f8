/**
 * A benchmark server in its own process: `node server.js <case> <variant> <platform>`
 * or `node server.js bare <platform>`. Listens on 127.0.0.1 (a free port), prints
 * `READY <port>`, and answers on stdin `heap` with the heap used after a full GC and
 * `cpu` with the process's CPU time so far (µs).
 */
import 'reflect-metadata';
import Fastify from 'fastify';
import { createInterface } from 'node:readline';
import { type Case, createCaseApp, type Platform, type Variant } from './cases.js';

async function listen(): Promise<number> {
  const [mode, ...rest] = process.argv.slice(2);
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
