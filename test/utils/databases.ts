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

/** The databases the database suites run on. */
export const DATABASES = ['sqlite', 'postgres'] as const;
export type Database = (typeof DATABASES)[number];

/**
 * `describe.each(DATABASES)`, with the PostgreSQL run skipped under a title that says why
 * when no server is configured.
 */
export function describeEachDatabase(title: string, body: (database: Database) => void): void {
  describe(`${title} on SQLite`, () => body('sqlite'));
  if (PG_URL) describe(`${title} on PostgreSQL`, () => body('postgres'));
  else describe.skip(`${title} on PostgreSQL (${PG_SKIP_REASON})`, () => body('postgres'));
}

/** A database of a suite's own: TypeORM options to reach it, and `drop()` to remove it. */
export interface TestDatabase {
  options: TypeOrmModuleOptions;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database: in memory for SQLite; for PostgreSQL a database of its own on
 * the configured server (suites run in parallel), dropped by `drop()`.
 */
export async function createTestDatabase(database: Database): Promise<TestDatabase> {
  if (database === 'sqlite') return { options: { type: 'sqljs' }, drop: async () => {} };
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
