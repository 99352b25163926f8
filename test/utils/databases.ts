import { describe } from '@jest/globals';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PG_SKIP_REASON } from './global-setup.js';

/**
 * The PostgreSQL server the PostgreSQL runs use: a URL to a database the tests may create
 * databases from. `.ci/run` sets it; locally, `eval "$(bash .ci/postgres.sh start)"`.
 */
export const PG_URL = process.env.CLASS_VIEWS_PG_URL;

export { PG_SKIP_REASON };

/** The databases the database suites run on: SQLite through sql.js, and PostgreSQL. */
export const DATABASES = ['sqlite', 'postgres'] as const;
/** A database a suite can run on: those of `DATABASES`, and SQLite through better-sqlite3 for the suites that ask. */
export type Database = (typeof DATABASES)[number] | 'better-sqlite3';

/** Why the better-sqlite3 runs are skipped (its native module is not built here), or `undefined` when they run. */
export const BETTER_SQLITE3_SKIP_REASON = await betterSqlite3SkipReason();

async function betterSqlite3SkipReason(): Promise<string | undefined> {
  try {
    const { default: Driver } = (await import('better-sqlite3' as string)) as {
      default: new (file: string) => { close(): void };
    };
    new Driver(':memory:').close();
    return undefined;
  } catch (error) {
    return `skipped: better-sqlite3 is not built here (${(error as Error).message.split('\n')[0]}); run npm rebuild better-sqlite3`;
  }
}

/** Which databases besides `DATABASES` a suite runs on. */
export interface EachDatabaseOptions {
  /** Also run on SQLite through better-sqlite3, the native driver. Default `false`. */
  betterSqlite3?: boolean;
}

/**
 * `describe.each(DATABASES)` (and better-sqlite3 when asked), with the PostgreSQL run
 * skipped under a title that says why when no server is configured, and the
 * better-sqlite3 one when its native module is not built.
 */
export function describeEachDatabase(
  title: string,
  body: (database: Database) => void,
  options: EachDatabaseOptions = {},
): void {
  describe(`${title} on SQLite`, () => body('sqlite'));
  if (options.betterSqlite3) {
    if (BETTER_SQLITE3_SKIP_REASON)
      describe.skip(`${title} on SQLite through better-sqlite3 (${BETTER_SQLITE3_SKIP_REASON})`, () =>
        body('better-sqlite3'));
    else describe(`${title} on SQLite through better-sqlite3`, () => body('better-sqlite3'));
  }
  if (PG_URL) describe(`${title} on PostgreSQL`, () => body('postgres'));
  else describe.skip(`${title} on PostgreSQL (${PG_SKIP_REASON})`, () => body('postgres'));
}

/** A database of a suite's own: TypeORM options to reach it, and `drop()` to remove it. */
export interface TestDatabase {
  options: TypeOrmModuleOptions;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database: in memory for SQLite (sql.js or better-sqlite3); for PostgreSQL
 * a database of its own on the configured server (suites run in parallel), dropped by `drop()`.
 */
export async function createTestDatabase(database: Database): Promise<TestDatabase> {
  if (database === 'sqlite') return { options: { type: 'sqljs' }, drop: async () => {} };
  if (database === 'better-sqlite3')
    return { options: { type: 'better-sqlite3', database: ':memory:' }, drop: async () => {} };
  const name = `cv_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return {
    options: { type: 'postgres', url: url.href },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
