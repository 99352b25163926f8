/**
 * The soak's app process: the sample app on Express, on 127.0.0.1 and a free port,
 * with its database in `DATABASE`. Prints `READY <port>`; answers `heap` on stdin with
 * `HEAP <bytes>`, the heap used after full garbage collections (run with --expose-gc).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { AppModule } from '../sample/app.module.js';

const app = await NestFactory.create(AppModule, { logger: ['error', 'warn'] });
await app.listen(0, '127.0.0.1');
console.log(`READY ${(app.getHttpServer().address() as { port: number }).port}`);

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'heap') return;
  for (let i = 0; i < 3; i++) global.gc?.();
  console.log(`HEAP ${process.memoryUsage().heapUsed}`);
});
