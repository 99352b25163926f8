/**
 * Start-up time in its own process: `node startup.js <variant> <count> <platform>` (variants: `ManyVariant`)
 * builds a module with `count` views or controllers and prints how long
 * `NestFactory.create()` + `init()` took, in milliseconds of wall time and of CPU time.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { createManyModule, type ManyVariant } from './cases.js';

const [variant, count, platform] = process.argv.slice(2);
const module = createManyModule(Number(count), variant as ManyVariant);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const app = await NestFactory.create(
  module as never,
  platform === 'express' ? new ExpressAdapter() : new FastifyAdapter(),
  {
    logger: false,
  },
);
await app.init();
const elapsed = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
await app.close();
console.log(`STARTUP ${elapsed.toFixed(1)} CPU ${((cpu.user + cpu.system) / 1000).toFixed(1)}`);
