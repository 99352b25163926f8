import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  await app.listen(port, host);
  Logger.log(`Sample app listening on http://${host}:${port}/`, 'Sample');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
