/**
 * Start-up time in its own process: `node startup.js <view|controller> <count> <platform>`
 * builds a module with `count` views or controllers and prints how long
 * `NestFactory.create()` + `init()` took, in milliseconds.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { createManyModule, type Variant } from './cases.js';

const [variant, count, platform] = process.argv.slice(2);
const module = createManyModule(Number(count), variant as Variant | 'all-controller');
const started = performance.now();
const app = await NestFactory.create(module as never, platform === 'express' ? new ExpressAdapter() : new FastifyAdapter(), {
  logger: false,
});
await app.init();
const elapsed = performance.now() - started;
await app.close();
console.log(`STARTUP ${elapsed.toFixed(1)}`);
