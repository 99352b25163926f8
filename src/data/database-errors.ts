import { Logger } from '@nestjs/common';
import { MESSAGES } from '../class-views.messages.js';
import { DatabaseUnavailable } from '../exceptions/database-unavailable.exception.js';
import { escapeForLog } from '../http/escape-for-log.js';

/** Socket errors of a server that is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs of a server that cannot serve: class 08 (connection exception),
 * 57P01-57P03 (shut down, crashed, starting up) and 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;

/**
 * What node-postgres says when a connection dies or never opens in time, and what
 * TypeORM's PostgreSQL driver says once its `DataSource` is destroyed.
 */
const DRIVER_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Driver not Connected$)/;

/**
 * Whether `error` says the database cannot be reached rather than that a query is wrong:
 * a refused or reset connection, a server shutting down or starting, too many connections,
 * a pool that timed out (node-postgres, TypeORM's `QueryFailedError` around it), a
 * destroyed PostgreSQL `DataSource`, or MySQL's lost connection. A wrong query, a
 * constraint or a missing table is not. (sql.js reports a closed database as "out of
 * memory", which says nothing; the data sources check `DataSource.isInitialized` instead.)
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 3; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code) || code === 'PROTOCOL_CONNECTION_LOST')
    ) {
      return true;
    }
    if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
    current = (current as { driverError?: unknown }).driverError;
  }
  return false;
}

/** The constraint a write broke: a unique value another row has, or a reference to a row that does not exist. */
export type ConstraintViolation = 'unique' | 'foreign-key';

/**
 * SQLite's extended result codes (better-sqlite3's `code`); sql.js gives only the message,
 * which starts with the same words ("UNIQUE constraint failed: book.slug").
 */
const SQLITE_VIOLATIONS: Readonly<Record<string, ConstraintViolation>> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign-key',
};

/**
 * Which constraint `error` says a write broke, if it says so: PostgreSQL's SQLSTATE 23505
 * (unique) and 23503 (foreign key), SQLite's `SQLITE_CONSTRAINT_UNIQUE`/`_PRIMARYKEY`/
 * `_FOREIGNKEY` (or sql.js's "UNIQUE constraint failed"), MySQL's `ER_DUP_ENTRY` and
 * `ER_NO_REFERENCED_ROW_2`. TypeORM's `QueryFailedError` is looked through. Anything else
 * (a `NOT NULL` or `CHECK` failure, an outage, a bug) is `undefined`.
 */
export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 3; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (code === '23505' || code === 'ER_DUP_ENTRY') return 'unique';
    if (code === '23503' || code === 'ER_NO_REFERENCED_ROW_2') return 'foreign-key';
    if (typeof code === 'string' && code in SQLITE_VIOLATIONS) return SQLITE_VIOLATIONS[code];
    if (typeof message === 'string') {
      if (/^(SQLITE_CONSTRAINT: )?UNIQUE constraint failed/.test(message)) return 'unique';
      if (/^(SQLITE_CONSTRAINT: )?FOREIGN KEY constraint failed/.test(message)) return 'foreign-key';
    }
    current = (current as { driverError?: unknown }).driverError;
  }
  return undefined;
}

const logger = new Logger('ClassViews');
/** Log an outage at most this often, not once per request. */
const LOG_INTERVAL_MS = 10_000;
let lastLogged = 0;

/**
 * Turn an error that means the database is unreachable into `DatabaseUnavailable` (503),
 * logging its cause at most every ten seconds; throw any other error as it is.
 */
export function rethrowDatabaseError(error: unknown): never {
  if (!isDatabaseUnavailable(error)) throw error;
  throw unavailable(error, describe(error));
}

/**
 * Throw `DatabaseUnavailable` when TypeORM's `DataSource` is not connected (never
 * initialised, or destroyed) rather than let the driver fail in its own words (sql.js
 * says "out of memory" on a closed database).
 */
export function assertConnected(connection: { readonly isInitialized: boolean } | undefined): void {
  if (connection && !connection.isInitialized)
    throw unavailable(undefined, 'the TypeORM DataSource is not initialised');
}

function unavailable(cause: unknown, reason: string): DatabaseUnavailable {
  const now = Date.now();
  if (now - lastLogged >= LOG_INTERVAL_MS) {
    lastLogged = now;
    logger.warn(MESSAGES.databaseUnavailableLog(escapeForLog(reason)).message);
  }
  return new DatabaseUnavailable(cause);
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === 'string' && part).join(': ') || String(error);
}
