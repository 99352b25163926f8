import type { INestApplication } from '@nestjs/common';
import { AppModule } from '../../sample/app.module.js';
import { type TestApp, useStartedApp } from './app.js';
import { createApp, type Platform } from './platforms.js';

/**
 * Start the sample app on `platform` with `DATABASE` set to `database` (default `'memory'`:
 * a fresh in-memory SQLite database, seeded at start-up), restoring `DATABASE` afterwards.
 */
export async function createSampleApp(platform: Platform, database = 'memory'): Promise<INestApplication> {
  const previous = process.env.DATABASE;
  process.env.DATABASE = database;
  try {
    return await createApp(platform, AppModule);
  } finally {
    if (previous === undefined) delete process.env.DATABASE;
    else process.env.DATABASE = previous;
  }
}

/** `useTestApp()` for the sample app: started on `platform` before the tests of the enclosing `describe`, closed after them. */
export function useSampleApp(platform: Platform, options: { database?: string; listen?: boolean } = {}): TestApp {
  return useStartedApp(() => createSampleApp(platform, options.database), options);
}
