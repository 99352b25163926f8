import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../../sample/app.module.js';

/**
 * One app process of the several-processes test: the sample app on
 * `PLATFORM` (express or fastify), `DATABASE` (a PostgreSQL URL) and a free port on
 * 127.0.0.1. Prints `listening <port>` once it serves; every response names the process
 * in `X-Served-By`. Stops on SIGTERM.
 */
async function main(): Promise<void> {
  const fastify = process.env.PLATFORM === 'fastify';
  const app = await NestFactory.create(AppModule, fastify ? new FastifyAdapter() : new ExpressAdapter(), {
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks();
  const servedBy = `${process.env.PLATFORM ?? 'express'}-${process.pid}`;
  if (fastify) {
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onSend', async (_request: unknown, reply: { header(name: string, value: string): void }) => {
        reply.header('X-Served-By', servedBy);
      });
  } else {
    app.use((_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void) => {
      response.setHeader('X-Served-By', servedBy);
      next();
    });
  }
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  console.log(`listening ${port}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
