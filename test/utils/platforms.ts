import type { INestApplication, ModuleMetadata, Type } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test, type TestingModule } from '@nestjs/testing';

/** The two HTTP platforms every e2e suite runs on (`describe.each(PLATFORMS)`). */
export const PLATFORMS = ['express', 'fastify'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface AppOptions {
  /** Called before `init()`, e.g. to set a global prefix or global enhancers. */
  beforeInit?: (app: INestApplication) => void | Promise<void>;
  /** Nest's logger; off by default to keep test output readable. */
  logger?: false | Array<'log' | 'error' | 'warn' | 'debug' | 'verbose'>;
  /** Options for the Fastify adapter. */
  fastify?: ConstructorParameters<typeof FastifyAdapter>[0];
}

/** Start a real Nest app for `module` on `platform`, initialised and ready for supertest. */
export async function createApp(
  platform: Platform,
  module: Type<unknown> | ModuleMetadata,
  options: AppOptions = {},
): Promise<INestApplication> {
  const metadata: ModuleMetadata = typeof module === 'function' ? { imports: [module] } : module;
  return appFrom(platform, await Test.createTestingModule(metadata).compile(), options);
}

/**
 * Start one more app from a compiled testing module on `platform`, initialised and ready for
 * supertest: a module can make several apps, as a test of Nest's own behaviour may need.
 */
export async function appFrom(
  platform: Platform,
  moduleRef: TestingModule,
  options: AppOptions = {},
): Promise<INestApplication> {
  const adapter = platform === 'express' ? new ExpressAdapter() : new FastifyAdapter(options.fastify);
  const app = moduleRef.createNestApplication(adapter, { logger: options.logger ?? false });
  await options.beforeInit?.(app);
  await app.init();
  if (platform === 'fastify') await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Resolve after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
