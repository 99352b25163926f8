import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { QueryFailedError, TypeORMError } from 'typeorm';
import { DatabaseUnavailable } from '../exceptions/database-unavailable.exception.js';
import {
  assertConnected,
  constraintViolation,
  isDatabaseUnavailable,
  rethrowDatabaseError,
} from './database-errors.js';

/** An error as node-postgres raises it: a message and a `code`. */
const driverError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', driverError('read ECONNRESET', 'ECONNRESET')],
    ['a server shutting down (57P01)', driverError('terminating connection due to administrator command', '57P01')],
    ['a server starting up (57P03)', driverError('the database system is starting up', '57P03')],
    ['a connection failure (08006)', driverError('connection failure', '08006')],
    ['too many connections (53300)', driverError('sorry, too many clients already', '53300')],
    ['a connection that died', driverError('Connection terminated unexpectedly')],
    ['a pool that timed out', driverError('timeout exceeded when trying to connect')],
    ['a destroyed PostgreSQL DataSource', new TypeORMError('Driver not Connected')],
    [
      'MySQL’s lost connection',
      driverError('Connection lost: The server closed the connection.', 'PROTOCOL_CONNECTION_LOST'),
    ],
    [
      'a QueryFailedError around a shutdown',
      new QueryFailedError('SELECT 1', [], driverError('terminating connection', '57P01')),
    ],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error (42601)', driverError('syntax error at or near "SELEC"', '42601')],
    ['a unique violation (23505)', driverError('duplicate key value violates unique constraint', '23505')],
    [
      'a missing table',
      new QueryFailedError('SELECT * FROM nope', [], driverError('relation "nope" does not exist', '42P01')),
    ],
    ['a plain error', new Error('boom')],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
  ])('leaves %s alone', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('rethrowDatabaseError', () => {
  it('throws DatabaseUnavailable (503) with the driver’s error as its cause, and a message without it', () => {
    const cause = driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    let thrown: unknown;
    try {
      rethrowDatabaseError(cause);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseUnavailable);
    const unavailable = thrown as DatabaseUnavailable;
    expect(unavailable.getStatus()).toBe(503);
    expect(unavailable.cause).toBe(cause);
    expect(unavailable.getResponse()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database is unavailable. Please try again shortly.',
    });
  });

  it('throws any other error unchanged', () => {
    const error = driverError('syntax error', '42601');
    expect(() => rethrowDatabaseError(error)).toThrow(error);
  });
});

describe('assertConnected', () => {
  it('throws DatabaseUnavailable for a data source that is not initialised, and nothing otherwise', () => {
    expect(() => assertConnected({ isInitialized: false })).toThrow(DatabaseUnavailable);
    expect(() => assertConnected({ isInitialized: true })).not.toThrow();
    expect(() => assertConnected(undefined)).not.toThrow();
  });
});

describe('the outage warning', () => {
  it('names the driver’s error on one line, and is logged at most every ten seconds', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    // An hour on from now: earlier tests logged already.
    const base = Date.now() + 3_600_000;
    const now = jest.spyOn(Date, 'now');
    try {
      now.mockReturnValue(base);
      const error = driverError('Connection terminated unexpectedly\n[forged] line');
      expect(() => rethrowDatabaseError(error)).toThrow(DatabaseUnavailable);
      expect(() => rethrowDatabaseError(error)).toThrow(DatabaseUnavailable);
      now.mockReturnValue(base + 9_999);
      expect(() => rethrowDatabaseError(error)).toThrow(DatabaseUnavailable);
      expect(warn.mock.calls).toEqual([
        [
          'The database is unavailable (Connection terminated unexpectedly\\x0a[forged] line); answering 503 until it is back.',
        ],
      ]);
      now.mockReturnValue(base + 10_000);
      expect(() => rethrowDatabaseError(error)).toThrow(DatabaseUnavailable);
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
      now.mockRestore();
    }
  });
});

/** better-sqlite3 is a native module: its cases run where it is built. */
type SqliteDatabase = { exec(sql: string): void; close(): void };
let BetterSqlite: (new (file: string) => SqliteDatabase) | undefined;
try {
  BetterSqlite = ((await import('better-sqlite3' as string)) as { default: new (file: string) => SqliteDatabase })
    .default;
  new BetterSqlite(':memory:').close();
} catch {
  BetterSqlite = undefined;
}

describe('constraintViolation', () => {
  /**
   * The error better-sqlite3 raises for `sql` on a table with a unique column and a foreign
   * key; where it is not built, an error with the extended code it gives (`code`).
   */
  function sqliteError(sql: string, code: string): unknown {
    if (!BetterSqlite) return Object.assign(new Error(`${code} (better-sqlite3 is not built here)`), { code });
    const db = new BetterSqlite(':memory:');
    try {
      db.exec(
        "PRAGMA foreign_keys = ON; CREATE TABLE author (id INTEGER PRIMARY KEY); CREATE TABLE book (id INTEGER PRIMARY KEY, slug TEXT UNIQUE, author INTEGER REFERENCES author(id)); INSERT INTO book (id, slug) VALUES (1, 'a');",
      );
      db.exec(sql);
    } catch (error) {
      return error;
    } finally {
      db.close();
    }
    throw new Error(`${sql} did not fail`);
  }

  it.each([
    [
      'PostgreSQL’s unique violation (23505)',
      driverError('duplicate key value violates unique constraint "UQ_book_slug"', '23505'),
      'unique',
    ],
    [
      'PostgreSQL’s foreign-key violation (23503)',
      driverError('insert or update on table "book" violates foreign key constraint', '23503'),
      'foreign-key',
    ],
    [
      'a QueryFailedError around 23505',
      new QueryFailedError('INSERT', [], driverError('duplicate key', '23505')),
      'unique',
    ],
    [
      'better-sqlite3’s SQLITE_CONSTRAINT_UNIQUE',
      sqliteError("INSERT INTO book (slug) VALUES ('a')", 'SQLITE_CONSTRAINT_UNIQUE'),
      'unique',
    ],
    [
      'better-sqlite3’s SQLITE_CONSTRAINT_PRIMARYKEY',
      sqliteError("INSERT INTO book (id, slug) VALUES (1, 'b')", 'SQLITE_CONSTRAINT_PRIMARYKEY'),
      'unique',
    ],
    [
      'better-sqlite3’s SQLITE_CONSTRAINT_FOREIGNKEY',
      sqliteError("INSERT INTO book (slug, author) VALUES ('b', 9)", 'SQLITE_CONSTRAINT_FOREIGNKEY'),
      'foreign-key',
    ],
    [
      'sql.js’s message, which has no code',
      new QueryFailedError('INSERT', [], new Error('UNIQUE constraint failed: book.slug')),
      'unique',
    ],
    ['MySQL’s duplicate entry', driverError("Duplicate entry 'a' for key 'book.slug'", 'ER_DUP_ENTRY'), 'unique'],
  ])('recognises %s', (_, error, kind) => {
    expect(constraintViolation(error)).toBe(kind);
  });

  it.each([
    [
      'a NOT NULL failure',
      sqliteError('CREATE TABLE t (x TEXT NOT NULL); INSERT INTO t VALUES (NULL)', 'SQLITE_CONSTRAINT_NOTNULL'),
    ],
    [
      'PostgreSQL’s not-null violation (23502)',
      driverError('null value in column "title" violates not-null constraint', '23502'),
    ],
    ['an outage', driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a plain error', new Error('boom')],
    ['null', null],
  ])('leaves %s alone', (_, error) => {
    expect(constraintViolation(error)).toBeUndefined();
  });
});
