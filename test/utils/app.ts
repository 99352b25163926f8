import { afterAll, beforeAll } from '@jest/globals';
import type { INestApplication, ModuleMetadata, Type } from '@nestjs/common';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestDatabase, type Database, type TestDatabase } from './databases.js';
import { type AppOptions, createApp, type Platform } from './platforms.js';

/** The HTTP methods a test sends through `TestApp.http`. */
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace', 'propfind'] as const;

/** A supertest client for one app: `http.get('/books/')`, `http.post('/books/new/').send(…)`. */
export type TestClient = Pick<ReturnType<typeof request>, (typeof METHODS)[number]>;

export interface TestAppOptions extends AppOptions {
  /** Listen on a free port of 127.0.0.1 (for raw sockets or a browser); `url` and `port` then say where. */
  listen?: boolean;
}

/**
 * The app a `describe` block shares, started before its tests and closed after them.
 * Read `app`, `url` and `port` in hooks and tests; `http` may be taken apart at once
 * (`const { http } = useTestApp(…)`): it reaches the app only when a request is sent.
 */
export interface TestApp {
  /** The running app. */
  readonly app: INestApplication;
  /** A supertest client for the app's server. */
  readonly http: TestClient;
  /** `http://127.0.0.1:<port>`, when started with `listen: true`. */
  readonly url: string;
  /** The port the app listens on, when started with `listen: true`. */
  readonly port: number;
}

/** A module to start: a module class, or the imports and providers of a testing module. */
export type TestModule = Type<unknown> | ModuleMetadata;

/**
 * Start a real Nest app for `module` on `platform` before the tests of the enclosing
 * `describe` block, and close it after them: the one app factory of the e2e suites.
 *
 * @example
 * describe.each(PLATFORMS)('about page on %s', (platform) => {
 *   const { http } = useTestApp(platform, { imports: [ClassViewsModule.forRoot()], providers: [AboutView] });
 *   it('serves it', async () => expect((await http.get('/about/')).text).toBe('about'));
 * });
 */
export function useTestApp(platform: Platform, module: TestModule, options: TestAppOptions = {}): TestApp {
  return useStartedApp(() => createApp(platform, module, options), options);
}

/**
 * {@link useTestApp} over a fresh database of its own ({@link createTestDatabase}): `module`
 * receives the TypeORM options that reach it, and the database is dropped after the app closes.
 */
export function useTestAppOnDatabase(
  platform: Platform,
  database: Database,
  module: (connection: TypeOrmModuleOptions) => TestModule,
  options: TestAppOptions = {},
): TestApp {
  let db: TestDatabase | undefined;
  const start = async () => {
    db = await createTestDatabase(database);
    return createApp(platform, module(db.options), options);
  };
  return useStartedApp(start, { ...options, afterClose: () => db?.drop() });
}

/**
 * The hooks behind {@link useTestApp}, for an app another factory starts (the sample app):
 * `start()` before the tests, `close()` and then `afterClose()` after them.
 */
export function useStartedApp(
  start: () => Promise<INestApplication>,
  options: Pick<TestAppOptions, 'listen'> & { afterClose?: () => Promise<void> | undefined } = {},
): TestApp {
  let started: INestApplication | undefined;
  let port: number | undefined;

  beforeAll(async () => {
    started = await start();
    if (options.listen) {
      await started.listen(0, '127.0.0.1');
      port = (started.getHttpServer().address() as AddressInfo).port;
    }
  });
  afterAll(async () => {
    await started?.close();
    await options.afterClose?.();
  });
  const running = (): INestApplication => {
    if (!started)
      throw new Error(
        'The test app is not running: read it in a hook or a test, not while the describe block is collected.',
      );
    return started;
  };
  const listening = (): number => {
    if (port === undefined) throw new Error('The test app does not listen: start it with { listen: true }.');
    return port;
  };
  const http = Object.fromEntries(
    METHODS.map((method) => [method, (url: string) => request(running().getHttpServer())[method](url)]),
  ) as TestClient;

  return {
    get app() {
      return running();
    },
    http,
    get url() {
      return `http://127.0.0.1:${listening()}`;
    },
    get port() {
      return listening();
    },
  };
}
